/**
 * Service accounts and API keys (#22): creating accounts and keys ({@link ServiceAccountService}), and
 * authenticating a request that presents a key ({@link ApiKeyService}). What a key may do is decided by the one
 * {@link org.custodian.application.policy.PolicyService}, from the account's scopes.
 */
package org.custodian.application.integration;
