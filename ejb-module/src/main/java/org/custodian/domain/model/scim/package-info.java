/**
 * SCIM 2.0 provisioning (#22): what an identity provider's SCIM client set that the user store has no place for
 * ({@link org.custodian.domain.model.scim.ScimUserRecord}), and the groups it keeps with their members
 * ({@link org.custodian.domain.model.scim.ScimGroup}). Which roles, regions and teams a group grants is configuration
 * (the identity provider's group mapping), not data of this package.
 */
package org.custodian.domain.model.scim;
