package org.custodian.infrastructure.persistence;

import static org.custodian.infrastructure.persistence.JdbcValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;
import org.custodian.domain.model.review.AccessReviewRepository;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;

@ApplicationScoped
public class JpaAccessReviewRepository implements AccessReviewRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(AccessReview review) {
        entityManager.persist(review);
    }

    @Override
    public void store(AccessReviewItem item) {
        entityManager.persist(item);
    }

    @Override
    public Optional<AccessReview> find(long id) {
        return Optional.ofNullable(entityManager.find(AccessReview.class, id));
    }

    @Override
    public Optional<AccessReview> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(AccessReview.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<AccessReview> all() {
        return entityManager.createNamedQuery("AccessReview.findAll", AccessReview.class).getResultList();
    }

    @Override
    public List<AccessReview> open() {
        return entityManager.createNamedQuery("AccessReview.findOpen", AccessReview.class)
                .setParameter("state", AccessReview.OPEN).getResultList();
    }

    @Override
    public List<AccessReview> reviewedBy(String reviewer) {
        return entityManager.createQuery("SELECT r FROM AccessReview r WHERE r.id IN (SELECT i.reviewId FROM"
                + " AccessReviewItem i WHERE i.reviewer = :reviewer) ORDER BY r.id DESC", AccessReview.class)
                .setParameter("reviewer", reviewer).getResultList();
    }

    @Override
    public List<AccessReviewItem> items(long reviewId) {
        return entityManager.createNamedQuery("AccessReviewItem.findByReview", AccessReviewItem.class)
                .setParameter("review", reviewId).getResultList();
    }

    @Override
    public Optional<AccessReviewItem> findItem(long itemId) {
        return Optional.ofNullable(entityManager.find(AccessReviewItem.class, itemId));
    }

    @Override
    public boolean scheduledSince(Instant since) {
        return entityManager.createQuery("SELECT COUNT(r) FROM AccessReview r WHERE r.scheduled = true"
                + " AND r.createdAt >= :since", Long.class).setParameter("since", since).getSingleResult() > 0;
    }

    @Override
    public List<User> enabledUsers(Region region, Role role) {
        StringBuilder query = new StringBuilder("SELECT u FROM User u WHERE u.enabled = true");
        if (region != null) {
            query.append(" AND :region MEMBER OF u.regions");
        }
        if (role != null) {
            query.append(" AND :role MEMBER OF u.roles");
        }
        var typed = entityManager.createQuery(query.append(" ORDER BY u.username").toString(), User.class);
        if (region != null) {
            typed.setParameter("region", region);
        }
        if (role != null) {
            typed.setParameter("role", role);
        }
        return typed.getResultList();
    }

    @Override
    public List<User> enabledHolders(Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT DISTINCT u FROM User u JOIN u.roles o WHERE o IN :roles"
                + " AND u.enabled = true ORDER BY u.username", User.class)
                .setParameter("roles", roles).getResultList();
    }

    @Override
    public List<User> usersNamed(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT u FROM User u WHERE u.username IN :names ORDER BY u.username",
                User.class).setParameter("names", usernames).getResultList();
    }

    @Override
    public List<SignInRow> quietSince(Instant cutoff) {
        // the user row keeps the last completed sign-in (set at every sign-in): no scan of the trail
        List<?> rows = entityManager.createNativeQuery("select u.username, u.created_at, u.last_sign_in_at"
                        + " from app_user u"
                        + " where u.enabled and coalesce(u.last_sign_in_at, u.created_at) < ?1 order by u.username")
                .setParameter(1, Timestamp.from(cutoff)).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new SignInRow((String) row[0], instant(row[1]), instant(row[2]))).toList();
    }

    @Override
    public List<GrantEndRow> contractorsWithoutGrant(Instant now) {
        List<?> rows = entityManager.createNativeQuery("select u.username, u.created_at,"
                        + " (select max(coalesce(least(g.revoked_at, g.expires_at), g.expires_at)) from access_grant g"
                        + " where g.grantee = u.username)"
                        + " from app_user u join app_user_role r on r.user_id = u.id and r.role = 'CONTRACTOR'"
                        + " where u.enabled and not exists (select 1 from access_grant g where g.grantee = u.username"
                        + " and g.revoked_at is null and g.expires_at > ?1) order by u.username")
                .setParameter(1, Timestamp.from(now)).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new GrantEndRow((String) row[0], instant(row[1]), instant(row[2]))).toList();
    }
}
