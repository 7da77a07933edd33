package org.custodian.domain.model.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.user.Role;

/** Transfer rules, contractor grants, break-glass overrides and notifications. */
public interface AccessRepository {

    List<TransferRule> transferRules(boolean activeOnly);

    Optional<TransferRule> findTransferRule(long id);

    void store(TransferRule rule);

    List<AccessGrant> grants(String granteeOrNull);

    /** Grants in force at {@code now} for {@code grantee}: started, not expired, not revoked. */
    List<AccessGrant> activeGrants(String grantee, Instant now);

    /** The grant, locked until the transaction ends (a revocation and a read of it cannot interleave). */
    Optional<AccessGrant> findGrantForUpdate(long id);

    void store(AccessGrant grant);

    List<AccessOverride> activeOverrides(String username, Instant now);

    /** All overrides, active ones (expiry after {@code now}) or expired ones, newest first. */
    List<AccessOverride> overrides(boolean active, Instant now);

    void store(AccessOverride override);

    void store(Notification notification);

    /** Notifications for these roles, and of those addressed to one person only the ones for {@code username}. */
    List<Notification> notificationsFor(Set<Role> roles, String username, int limit);
}
