/**
 * Portal sign-in and sessions: the password and second-factor steps (through the same
 * {@code AuthenticationService}, user store, lockout and audit as the API's tokens), enrollment of a TOTP
 * authenticator, the guard that enforces sign-in, idle timeout and absolute lifetime on every page, and the
 * caller that page beans hand to the EJB services.
 */
package org.custodian.interfaces.web.session;
