package org.custodian.application.scim;

/**
 * SCIM Groups ({@code /scim/v2/Groups}), for the {@code scim} scope only. A group's members get what the group
 * mapping gives its {@code displayName} (roles, regions) and the team of that key or name; every change of
 * membership recomputes the access of the users it concerns ({@link ScimAccess}).
 */
public interface ScimGroupService extends ScimEndpoint {
}
