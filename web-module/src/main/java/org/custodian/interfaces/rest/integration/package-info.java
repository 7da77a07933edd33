/** Service accounts and their API keys over REST (#22), for user administrators and operators. */
package org.custodian.interfaces.rest.integration;
