/** Sign-in: password hashes, throttling of failures, and RS256 tokens for MicroProfile JWT. */
package org.custodian.application.auth;
