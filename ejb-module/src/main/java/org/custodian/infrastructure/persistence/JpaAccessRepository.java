package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.user.Role;

@ApplicationScoped
public class JpaAccessRepository implements AccessRepository {

    /** Lists are for people to read; a page of this many is more than anyone scrolls. */
    private static final int LIST_LIMIT = 500;

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<TransferRule> transferRules(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "TransferRule.findActive" : "TransferRule.findAll",
                TransferRule.class).getResultList();
    }

    @Override
    public Optional<TransferRule> findTransferRule(long id) {
        return Optional.ofNullable(entityManager.find(TransferRule.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(TransferRule rule) {
        entityManager.persist(rule);
        entityManager.flush();
    }

    @Override
    public List<AccessGrant> grants(String granteeOrNull) {
        return (granteeOrNull == null
                ? entityManager.createNamedQuery("AccessGrant.findAll", AccessGrant.class)
                : entityManager.createNamedQuery("AccessGrant.findByGrantee", AccessGrant.class)
                        .setParameter("grantee", granteeOrNull))
                .setMaxResults(LIST_LIMIT)
                .getResultList();
    }

    @Override
    public List<AccessGrant> activeGrants(String grantee, Instant now) {
        return entityManager.createNamedQuery("AccessGrant.findActive", AccessGrant.class)
                .setParameter("grantee", grantee)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public Optional<AccessGrant> findGrantForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(AccessGrant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(AccessGrant grant) {
        entityManager.persist(grant);
        entityManager.flush();
    }

    @Override
    public List<AccessOverride> activeOverrides(String username, Instant now) {
        return entityManager.createNamedQuery("AccessOverride.findActiveFor", AccessOverride.class)
                .setParameter("username", username)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<AccessOverride> overrides(boolean active, Instant now) {
        return entityManager.createNamedQuery(active ? "AccessOverride.findActive" : "AccessOverride.findExpired",
                        AccessOverride.class)
                .setParameter("now", now)
                .setMaxResults(LIST_LIMIT)
                .getResultList();
    }

    @Override
    public void store(AccessOverride override) {
        entityManager.persist(override);
        entityManager.flush();
    }

    @Override
    public void store(Notification notification) {
        entityManager.persist(notification);
    }

    @Override
    public List<Notification> notificationsFor(Set<Role> roles, String username, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery("Notification.findForRoles", Notification.class)
                .setParameter("roles", roles)
                .setParameter("user", username)
                .setMaxResults(limit)
                .getResultList();
    }
}
