/**
 * Integrations (#22): service accounts, the identities of machines (a SIEM, an ERP, the IdP's SCIM client), and
 * their API keys. An account never signs in with a password or to the portal; it acts only through a key, and
 * only within its scopes.
 */
package org.custodian.domain.model.integration;
