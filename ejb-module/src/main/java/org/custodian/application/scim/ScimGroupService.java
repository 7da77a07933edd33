package org.custodian.application.scim;

import jakarta.json.JsonObject;
import org.custodian.application.shared.Caller;

/**
 * SCIM Groups ({@code /scim/v2/Groups}), for the {@code scim} scope only. A group's members get what the group
 * mapping gives its {@code displayName} (roles, regions) and the team of that key or name; every change of
 * membership recomputes the access of the users it concerns ({@link ScimAccess}).
 */
public interface ScimGroupService {

    ScimList list(Caller caller, String filter, Integer startIndex, Integer count);

    ScimResource get(Caller caller, String id);

    ScimResource create(Caller caller, JsonObject group);

    ScimResource replace(Caller caller, String id, JsonObject group, String ifMatch);

    ScimResource patch(Caller caller, String id, JsonObject patchOp, String ifMatch);

    void delete(Caller caller, String id, String ifMatch);
}
