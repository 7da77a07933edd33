package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Invitation;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.RoleGrantRequest;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserAdministrationRepository;

@ApplicationScoped
public class JpaUserAdministrationRepository implements UserAdministrationRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<User> lockUser(String username) {
        return entityManager.createNamedQuery("User.findByUsername", User.class).setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<User> search(Role role, Region region, Boolean active, String text, int first, int max) {
        return filtered("SELECT u FROM User u", User.class, role, region, active, text, " ORDER BY u.username")
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(Role role, Region region, Boolean active, String text) {
        return filtered("SELECT COUNT(u) FROM User u", Long.class, role, region, active, text, "").getSingleResult();
    }

    /** One query for list and count: membership tests as subqueries, so a user with two roles is listed once. */
    private <T> TypedQuery<T> filtered(String select, Class<T> type, Role role, Region region, Boolean active,
            String text, String order) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (role != null) {
            where.append(" AND :role MEMBER OF u.roles");
            parameters.put("role", role);
        }
        if (region != null) {
            where.append(" AND :region MEMBER OF u.regions");
            parameters.put("region", region);
        }
        if (active != null) {
            where.append(" AND u.enabled = :active");
            parameters.put("active", active);
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(u.username) LIKE :text ESCAPE '\\' OR LOWER(u.displayName) LIKE :text"
                    + " ESCAPE '\\' OR LOWER(u.email) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        TypedQuery<T> query = entityManager.createQuery(select + where + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public boolean emailTaken(String email, String exceptUsername) {
        return !entityManager.createQuery("SELECT u.username FROM User u WHERE LOWER(u.email) = :email"
                        + " AND u.username <> :except", String.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setParameter("except", exceptUsername == null ? "" : exceptUsername)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void store(RoleGrantRequest request) {
        entityManager.persist(request);
    }

    @Override
    public void flushForId() {
        entityManager.flush();
    }

    @Override
    public Optional<RoleGrantRequest> findGrantRequest(long id) {
        return Optional.ofNullable(entityManager.find(RoleGrantRequest.class, id));
    }

    @Override
    public List<RoleGrantRequest> grantRequests(RoleGrantRequest.Status status, String username, int first,
            int max) {
        return grantQuery("SELECT r FROM RoleGrantRequest r", RoleGrantRequest.class, status, username,
                " ORDER BY r.requestedAt DESC, r.id DESC").setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countGrantRequests(RoleGrantRequest.Status status, String username) {
        return grantQuery("SELECT COUNT(r) FROM RoleGrantRequest r", Long.class, status, username, "")
                .getSingleResult();
    }

    private <T> TypedQuery<T> grantQuery(String select, Class<T> type, RoleGrantRequest.Status status,
            String username, String order) {
        // built per call: PostgreSQL cannot type a null parameter in "? IS NULL"
        String where = " WHERE 1 = 1" + (status == null ? "" : " AND r.status = :status")
                + (username == null ? "" : " AND r.username = :username");
        TypedQuery<T> query = entityManager.createQuery(select + where + order, type);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (username != null) {
            query.setParameter("username", username);
        }
        return query;
    }

    @Override
    public List<RoleGrantRequest> pendingGrantRequests(String username) {
        return entityManager.createQuery("SELECT r FROM RoleGrantRequest r WHERE r.username = :username"
                        + " AND r.status = :pending ORDER BY r.id", RoleGrantRequest.class)
                .setParameter("username", username).setParameter("pending", RoleGrantRequest.Status.PENDING)
                .getResultList();
    }

    @Override
    public void store(Invitation invitation) {
        entityManager.persist(invitation);
    }

    @Override
    public Optional<Invitation> lockInvitation(String tokenHash) {
        return entityManager.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public List<Invitation> openInvitations(String username) {
        return entityManager.createQuery("SELECT i FROM Invitation i WHERE i.username = :username"
                + " AND i.usedAt IS NULL AND i.voidedAt IS NULL", Invitation.class)
                .setParameter("username", username).getResultList();
    }
}
