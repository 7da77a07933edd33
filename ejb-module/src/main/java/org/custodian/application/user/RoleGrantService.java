package org.custodian.application.user;

import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

/**
 * The second pair of eyes: requests to grant a guarded role, decided by someone with {@code ROLE_GRANT_APPROVE}
 * who is neither the requester nor the user the role is for.
 */
public interface RoleGrantService {

    /** @param status PENDING (the default), APPROVED, REJECTED, WITHDRAWN or ALL */
    PageResult<RoleGrantRequestView> list(Caller caller, String status, String username, int page, int size);

    /** Gives the role; the user's next token carries it. */
    RoleGrantRequestView approve(Caller caller, long id);

    RoleGrantRequestView reject(Caller caller, long id, String reason);
}
