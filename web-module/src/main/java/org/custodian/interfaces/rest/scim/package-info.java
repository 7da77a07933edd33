/**
 * SCIM 2.0 at {@code /scim/v2} (#22): its own JAX-RS application ({@link org.custodian.interfaces.rest.scim.ScimApplication})
 * with the REST API's authentication, rate limits, body limits and audit filters, answering in
 * {@code application/scim+json} and failing in SCIM's error format rather than RFC 9457.
 */
package org.custodian.interfaces.rest.scim;
