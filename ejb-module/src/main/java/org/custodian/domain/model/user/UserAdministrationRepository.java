package org.custodian.domain.model.user;

import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.customer.Region;

/** What administering users needs beyond {@link UserRepository}: search, locks, four-eyes requests, invitations. */
public interface UserAdministrationRepository {

    /** The user, locked for this transaction (two administrators changing one user are serialized). */
    Optional<User> lockUser(String username);

    /**
     * Users matching every filter given (null: any), ordered by username.
     *
     * @param text a part of the username, display name or e-mail address, any case
     */
    List<User> search(Role role, Region region, Boolean active, String text, int first, int max);

    long count(Role role, Region region, Boolean active, String text);

    /** Whether another user has this e-mail address (any case). */
    boolean emailTaken(String email, String exceptUsername);

    void store(RoleGrantRequest request);

    /** Writes pending inserts now, so a new row's id is known (for the audit event that names it). */
    void flushForId();

    Optional<RoleGrantRequest> findGrantRequest(long id);

    /** Requests in this status (null: all), newest first. */
    List<RoleGrantRequest> grantRequests(RoleGrantRequest.Status status, String username, int first, int max);

    long countGrantRequests(RoleGrantRequest.Status status, String username);

    /** The user's pending requests, oldest first. */
    List<RoleGrantRequest> pendingGrantRequests(String username);

    void store(Invitation invitation);

    /** The invitation with this token hash, locked for this transaction (a link is used once). */
    Optional<Invitation> lockInvitation(String tokenHash);

    /** The user's invitations that are neither used nor voided. */
    List<Invitation> openInvitations(String username);
}
