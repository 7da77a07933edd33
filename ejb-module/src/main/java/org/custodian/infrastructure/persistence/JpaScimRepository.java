package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.scim.ScimGroup;
import org.custodian.domain.model.scim.ScimRepository;
import org.custodian.domain.model.scim.ScimUserRecord;
import org.custodian.domain.model.user.User;

@ApplicationScoped
public class JpaScimRepository implements ScimRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<User> findUser(long id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    @Override
    public Optional<User> lockUser(long id) {
        return Optional.ofNullable(entityManager.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<User> allUsers() {
        return entityManager.createQuery("SELECT u FROM User u ORDER BY u.id", User.class).getResultList();
    }

    @Override
    public Optional<ScimUserRecord> findRecord(long userId) {
        return Optional.ofNullable(entityManager.find(ScimUserRecord.class, userId));
    }

    @Override
    public List<ScimUserRecord> allRecords() {
        return entityManager.createQuery("SELECT r FROM ScimUserRecord r", ScimUserRecord.class).getResultList();
    }

    @Override
    public void store(ScimUserRecord record) {
        entityManager.persist(record);
    }

    @Override
    public Optional<ScimGroup> findGroup(String id) {
        return Optional.ofNullable(entityManager.find(ScimGroup.class, id));
    }

    @Override
    public Optional<ScimGroup> lockGroup(String id) {
        return Optional.ofNullable(entityManager.find(ScimGroup.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<ScimGroup> findGroupByName(String displayName) {
        return entityManager.createNamedQuery("ScimGroup.findByName", ScimGroup.class).setParameter("name", displayName)
                .getResultStream().findFirst();
    }

    @Override
    public List<ScimGroup> allGroups() {
        return entityManager.createNamedQuery("ScimGroup.findAll", ScimGroup.class).getResultList();
    }

    @Override
    public List<ScimGroup> groupsOf(long userId) {
        return entityManager.createNamedQuery("ScimGroup.findByMember", ScimGroup.class).setParameter("userId", userId)
                .getResultList();
    }

    @Override
    public void store(ScimGroup group) {
        entityManager.persist(group);
    }

    @Override
    public void remove(ScimGroup group) {
        entityManager.remove(group);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }
}
