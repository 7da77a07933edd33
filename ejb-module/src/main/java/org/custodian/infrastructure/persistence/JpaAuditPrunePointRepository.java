package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditPrunePointRepository;

@ApplicationScoped
public class JpaAuditPrunePointRepository implements AuditPrunePointRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public Optional<AuditPrunePoint> latest() {
        return entityManager.createNamedQuery("AuditPrunePoint.findLatest", AuditPrunePoint.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public void lockPruning() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("select id from audit_prune_guard where id = 1"
                        + " for update");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("audit_prune_guard row is missing: the V14 migration seeds it");
            }
        } catch (SQLException e) {
            throw new PersistenceException("locking the audit pruning guard failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean announced(AuditPrunePoint point) {
        return entityManager.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.action = :action"
                        + " AND e.resourceId = :announcement AND e.sequence > :prunedTo", Long.class)
                .setParameter("action", AuditPrunePoint.ACTION)
                .setParameter("announcement", point.announcement())
                .setParameter("prunedTo", point.getTreeSize())
                .getSingleResult() > 0;
    }

    @Override
    public List<AuditPrunePoint> all() {
        return entityManager.createNamedQuery("AuditPrunePoint.findLatest", AuditPrunePoint.class).getResultList();
    }

    @Override
    public long prune(long after, long upTo, AuditPrunePoint point, List<AuditDailyCount> counts) {
        try (Connection connection = dataSource.getConnection()) {
            for (AuditDailyCount count : counts) {
                JpaAuditDailyCountRepository.addDailyCount(connection, count);
            }
            long removed;
            try (PreparedStatement delete = connection.prepareStatement("delete from audit_event where sequence > ?"
                    + " and sequence <= ?")) {
                delete.setLong(1, after);
                delete.setLong(2, upTo);
                removed = delete.executeUpdate();
            }
            entityManager.persist(point);
            entityManager.flush();
            return removed;
        } catch (SQLException e) {
            throw new PersistenceException("pruning the audit trail failed: " + e.getMessage(), e);
        }
    }
}
