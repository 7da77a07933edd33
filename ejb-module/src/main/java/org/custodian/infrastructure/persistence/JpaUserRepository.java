package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.LoginThrottle;
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
    public List<String> usernamesSharingRegions(Set<Region> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT DISTINCT u.username FROM User u JOIN u.regions r JOIN u.roles o"
                + " WHERE r IN :regions AND o IN :roles AND u.enabled = true", String.class)
                .setParameter("regions", regions)
                .setParameter("roles", EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR))
                .getResultList();
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
