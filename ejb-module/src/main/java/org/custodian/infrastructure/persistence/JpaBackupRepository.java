package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.backup.BackupRepository;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupStatus;
import org.custodian.domain.model.backup.RestoreRun;

@ApplicationScoped
public class JpaBackupRepository implements BackupRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(BackupSet set) {
        entityManager.persist(set);
        entityManager.flush();
    }

    @Override
    public Optional<BackupSet> find(long id) {
        return Optional.ofNullable(entityManager.find(BackupSet.class, id));
    }

    @Override
    public Optional<BackupSet> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(BackupSet.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<BackupSet> all() {
        return entityManager.createNamedQuery("BackupSet.findAll", BackupSet.class).getResultList();
    }

    @Override
    public List<BackupSet> withStatus(BackupStatus status) {
        return entityManager.createNamedQuery("BackupSet.findByStatus", BackupSet.class)
                .setParameter("status", status).getResultList();
    }

    @Override
    public Optional<BackupSet> newestComplete(String target) {
        return entityManager.createNamedQuery("BackupSet.findNewestComplete", BackupSet.class)
                .setParameter("target", target).setMaxResults(1).getResultList().stream().findFirst();
    }

    @Override
    public int pruneChangeLog(String snapshotIds) {
        return entityManager.createNativeQuery("delete from backup_change where pg_visible_in_snapshot(xid,"
                + " cast(?1 as pg_snapshot))").setParameter(1, snapshotIds).executeUpdate();
    }

    @Override
    public void store(RestoreRun run) {
        entityManager.persist(run);
        entityManager.flush();
    }

    @Override
    public Optional<RestoreRun> findRestore(long id) {
        return Optional.ofNullable(entityManager.find(RestoreRun.class, id));
    }

    @Override
    public List<RestoreRun> restores() {
        return entityManager.createNamedQuery("RestoreRun.findAll", RestoreRun.class).getResultList();
    }
}
