package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.LoginThrottle;
import org.custodian.domain.model.user.SourceThrottle;
import org.custodian.domain.model.user.SecondFactor;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<User> findByUsername(String username) {
        return entityManager.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<User> findByIdentity(String issuer, String subject) {
        return entityManager.createNamedQuery("User.findByIdentity", User.class)
                .setParameter("issuer", issuer).setParameter("subject", subject)
                .getResultStream().findFirst();
    }

    @Override
    public List<User> findEnabledWithAnyRole(Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT DISTINCT u FROM User u JOIN u.roles o WHERE o IN :roles"
                + " AND u.enabled = true ORDER BY u.username", User.class).setParameter("roles", roles).getResultList();
    }

    @Override
    public void store(User user) {
        entityManager.persist(user);
    }

    @Override
    public long count() {
        return entityManager.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    @Override
    public Optional<LoginThrottle> lockThrottle(String username) {
        return Optional.ofNullable(entityManager.find(LoginThrottle.class, username, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(LoginThrottle throttle) {
        entityManager.persist(throttle);
    }

    @Override
    public Optional<LoginThrottle> findThrottle(String username) {
        return Optional.ofNullable(entityManager.find(LoginThrottle.class, username));
    }

    @Override
    public SourceThrottle lockSourceThrottle(String source, Instant now) {
        // an insert that a concurrent one already made waits for it and then does nothing: never a duplicate key
        entityManager.createNativeQuery("insert into login_source_throttle (source, failures, last_failure_at)"
                + " values (?1, 0, ?2) on conflict (source) do nothing")
                .setParameter(1, source).setParameter(2, Timestamp.from(now)).executeUpdate();
        return entityManager.find(SourceThrottle.class, source, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Optional<SourceThrottle> findSourceThrottle(String source) {
        return Optional.ofNullable(entityManager.find(SourceThrottle.class, source));
    }

    @Override
    public boolean isKnownSource(String username, String source, Instant since) {
        return !entityManager.createNativeQuery("select 1 from login_known_source where username = ?1 and source = ?2"
                        + " and last_success_at >= ?3")
                .setParameter(1, username).setParameter(2, source).setParameter(3, Timestamp.from(since))
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void rememberSource(String username, String source, Instant now) {
        entityManager.createNativeQuery("insert into login_known_source (username, source, last_success_at)"
                        + " values (?1, ?2, ?3) on conflict (username, source) do update set last_success_at ="
                        + " excluded.last_success_at")
                .setParameter(1, username).setParameter(2, source).setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    @Override
    public Optional<SecondFactor> findSecondFactor(String username) {
        return Optional.ofNullable(entityManager.find(SecondFactor.class, username));
    }

    @Override
    public Optional<SecondFactor> lockSecondFactor(String username) {
        return Optional.ofNullable(entityManager.find(SecondFactor.class, username, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(SecondFactor factor) {
        entityManager.persist(factor);
    }

    @Override
    public void remove(SecondFactor factor) {
        entityManager.remove(factor);
    }

    @Override
    public Optional<TokenState> findTokenState(String username) {
        return entityManager.createQuery("SELECT u.tokenVersion, u.enabled FROM User u WHERE u.username = :name",
                Object[].class).setParameter("name", username).getResultStream().findFirst()
                .map(row -> new TokenState(((Number) row[0]).intValue(), (Boolean) row[1]));
    }

    @Override
    public boolean raiseTokenVersion(String username) {
        // one statement, so two revocations at once both count
        return entityManager.createQuery("UPDATE User u SET u.tokenVersion = u.tokenVersion + 1 WHERE u.username"
                + " = :name").setParameter("name", username).executeUpdate() == 1;
    }

    @Override
    public void flush() {
        entityManager.flush();
    }
}
