/**
 * What both entry points (the JAX-RS API and the JSF portal) need to know about an HTTP request beyond the
 * framework: which client sent it when proxies stand in between ({@link org.custodian.interfaces.http.ClientAddresses},
 * trusting Forwarded and X-Forwarded-For only from configured proxies).
 */
package org.custodian.interfaces.http;
