package org.custodian.application.scim;

import jakarta.json.JsonObject;
import org.custodian.application.shared.Caller;

/**
 * SCIM Users ({@code /scim/v2/Users}), for a service account's key with the {@code scim} scope only
 * ({@code SCIM_PROVISION}). A SCIM User is a user of ours, its id our user id; changes go through the users
 * administration service. {@code ifMatch} is the request's If-Match header (null: unconditional); a stale one is a
 * 412. DELETE disables the user at once and hides it from SCIM (404 from then on); nothing is erased.
 */
public interface ScimUserService {

    ScimList list(Caller caller, String filter, Integer startIndex, Integer count);

    ScimResource get(Caller caller, String id);

    ScimResource create(Caller caller, JsonObject user);

    ScimResource replace(Caller caller, String id, JsonObject user, String ifMatch);

    ScimResource patch(Caller caller, String id, JsonObject patchOp, String ifMatch);

    void delete(Caller caller, String id, String ifMatch);
}
