/** Servlet-level pieces of the web module (error pages); the JSF portal will live here too. */
package org.custodian.interfaces.web;
