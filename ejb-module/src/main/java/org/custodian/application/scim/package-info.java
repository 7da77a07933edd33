/**
 * SCIM 2.0 provisioning (#22, RFC 7643/7644): an identity provider's SCIM client creates, replaces, patches and
 * deprovisions users and groups. Users are changed through the users administration service (the same rules,
 * four eyes and audit as /api/v1/users); a group's members get the roles, regions and teams the group mapping
 * ({@code custodian.oidc.group-map}) and the teams' names give, recomputed whenever the membership changes.
 * Resources are JSON documents here ({@link org.custodian.application.scim.ScimPatch} edits them as RFC 7644 3.5.2
 * says, {@link org.custodian.application.scim.ScimFilter} matches them), so PATCH is "read, edit, replace".
 */
package org.custodian.application.scim;
