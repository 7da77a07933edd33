/** POST /api/v1/auth/token: the only endpoint that works without a token. */
package org.custodian.interfaces.rest.auth;
