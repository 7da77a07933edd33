package org.custodian.application.scim;

import jakarta.json.JsonObject;
import org.custodian.application.shared.Caller;

/** The operations RFC 7644 3 defines on a resource type, the same for Users and Groups. */
public interface ScimEndpoint {

    ScimList list(Caller caller, String filter, Integer startIndex, Integer count);

    ScimResource get(Caller caller, String id);

    ScimResource create(Caller caller, JsonObject resource);

    ScimResource replace(Caller caller, String id, JsonObject resource, String ifMatch);

    ScimResource patch(Caller caller, String id, JsonObject patchOp, String ifMatch);

    void delete(Caller caller, String id, String ifMatch);
}
