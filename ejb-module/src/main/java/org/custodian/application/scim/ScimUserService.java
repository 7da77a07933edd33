package org.custodian.application.scim;

/**
 * SCIM Users ({@code /scim/v2/Users}), for a service account's key with the {@code scim} scope only
 * ({@code SCIM_PROVISION}). A SCIM User is a user of ours, its id our user id; changes go through the users
 * administration service. {@code ifMatch} is the request's If-Match header (null: unconditional); a stale one is a
 * 412. DELETE disables the user at once and hides it from SCIM (404 from then on); nothing is erased.
 */
public interface ScimUserService extends ScimEndpoint {
}
