package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.SiemDelivery;

@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @jakarta.annotation.Resource(lookup = "jdbc/custodian")
    private javax.sql.DataSource dataSource;

    @Override
    public AuditChainHead lockHead() {
        AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row is missing: the V1 migration seeds it");
        }
        return head;
    }

    @Override
    public AuditChainHead readHead() {
        AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
        entityManager.refresh(head);
        return head;
    }

    @Override
    public void store(AuditEvent event) {
        entityManager.persist(event);
    }

    /**
     * A purge chunk's thousand skeletons go in as one JDBC batch on the transaction's connection: the JPA
     * provider's per-entity change tracking at commit cost more than hashing them. Same columns, same values
     * (times as UTC OffsetDateTime, as {@link InstantConverter} writes them) as {@link #store(AuditEvent)}.
     */
    @Override
    public void storeAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into audit_event (sequence,"
                        + " occurred_at, actor, actor_roles, action, resource_type, resource_id, fields, outcome,"
                        + " request_id, client_address, previous_hash, hash, leaf_hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent event : events) {
                insert.setLong(1, event.getSequence());
                insert.setObject(2, event.getOccurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(3, event.getActor());
                insert.setString(4, event.getActorRoles());
                insert.setString(5, event.getAction());
                insert.setString(6, event.getResourceType());
                insert.setString(7, event.getResourceId());
                insert.setString(8, event.getFields());
                insert.setString(9, event.getOutcome().name());
                insert.setString(10, event.getRequestId());
                insert.setString(11, event.getClientAddress());
                insert.setString(12, event.getPreviousHash());
                insert.setString(13, event.getHash());
                insert.setString(14, event.getLeafHash());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("appending audit events failed: " + e.getMessage(), e);
        }
    }

    /** The columns {@link #storedEvent} reads, in its order. */
    public static final String STORED_EVENT_COLUMNS = "sequence, occurred_at, actor, actor_roles, action,"
            + " resource_type, resource_id, fields, outcome, request_id, client_address, previous_hash, hash, leaf_hash";

    /** An event as stored, from a row of {@link #STORED_EVENT_COLUMNS} (a restored copy of the trail, too). */
    public static AuditEvent storedEvent(ResultSet rows) throws SQLException {
        String outcome = rows.getString(9);
        AuditRecord record = new AuditRecord(rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8),
                outcome == null ? null : AuditOutcome.valueOf(outcome), rows.getString(10), rows.getString(11));
        return AuditEvent.stored(rows.getLong(1), JdbcValues.instant(rows, 2), record, rows.getString(12),
                rows.getString(13), rows.getString(14));
    }

    @Override
    public List<AuditEvent> findAfter(long afterSequence, int limit) {
        // Plain JDBC: verification, export and SIEM delivery walk millions of events, which need no entity
        // management; read through the JPA provider they cost several times the hashing (88k/s against 400k/s).
        List<AuditEvent> page = new ArrayList<>(Math.min(limit, 10_000));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + STORED_EVENT_COLUMNS
                        + " from audit_event where sequence > ? order by sequence limit ?")) {
            select.setLong(1, afterSequence);
            select.setInt(2, limit);
            select.setFetchSize(Math.min(limit, 10_000));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(storedEvent(rows));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new PersistenceException("reading audit events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<byte[]> leafHashes(long treeSize) {
        List<String> stored = entityManager.createQuery(
                        "SELECT e.leafHash FROM AuditEvent e WHERE e.sequence <= :size ORDER BY e.sequence", String.class)
                .setParameter("size", treeSize)
                .getResultList();
        List<byte[]> leaves = new ArrayList<>(stored.size());
        for (String hex : stored) {
            leaves.add(hex == null ? new byte[0] : HexFormat.of().parseHex(hex.trim()));
        }
        return leaves;
    }

    @Override
    public void store(AuditCheckpoint checkpoint) {
        entityManager.persist(checkpoint);
        entityManager.flush();
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return entityManager.createNamedQuery("AuditCheckpoint.findAll", AuditCheckpoint.class)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public Optional<AuditCheckpoint> latestCheckpoint() {
        return entityManager.createNamedQuery("AuditCheckpoint.findLatest", AuditCheckpoint.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint(long treeSize) {
        return Optional.ofNullable(entityManager.find(AuditCheckpoint.class, treeSize));
    }

    @Override
    public List<AuditCheckpoint> checkpointsBetween(long from, long to) {
        return entityManager.createNamedQuery("AuditCheckpoint.findBetween", AuditCheckpoint.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    @Override
    public SiemDelivery lockDelivery(String sink) {
        SiemDelivery delivery = entityManager.find(SiemDelivery.class, sink, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            delivery = new SiemDelivery(sink);
            entityManager.persist(delivery);
            entityManager.flush();
        }
        return delivery;
    }

    @Override
    public Optional<SiemDelivery> findDelivery(String sink) {
        return Optional.ofNullable(entityManager.find(SiemDelivery.class, sink));
    }

    @Override
    public List<AuditEvent> findActions(java.time.Instant from, java.time.Instant to,
            java.util.Collection<String> actions, long afterSequence, int limit) {
        return entityManager.createQuery("SELECT e FROM AuditEvent e WHERE e.occurredAt >= :from"
                        + " AND e.occurredAt < :to AND e.action IN :actions AND e.sequence > :after"
                        + " ORDER BY e.sequence", AuditEvent.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("actions", actions)
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public List<AuditEvent> findAboutTicket(long ticketId, int limit) {
        String id = String.valueOf(ticketId);
        // resource ids: "42" (reads, changes), "42/*" and "42/7" (comments), "3,42,57" (a search that listed it)
        // newest first, so a capped history keeps the latest events; reversed below to read oldest first
        List<AuditEvent> newestFirst = entityManager.createQuery("SELECT e FROM AuditEvent e"
                        + " WHERE e.resourceType IN ('TICKET', 'COMMENT')"
                        + " AND (e.resourceId = :id OR e.resourceId LIKE :comments OR e.resourceId LIKE :first"
                        + " OR e.resourceId LIKE :middle OR e.resourceId LIKE :last) ORDER BY e.sequence DESC",
                        AuditEvent.class)
                .setParameter("id", id)
                .setParameter("comments", id + "/%")
                .setParameter("first", id + ",%")
                .setParameter("middle", "%," + id + ",%")
                .setParameter("last", "%," + id)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        List<AuditEvent> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public List<AuditEvent> findByActor(String actor, java.time.Instant from, java.time.Instant to, int limit) {
        return entityManager.createQuery("SELECT e FROM AuditEvent e WHERE e.actor = :actor AND e.occurredAt >= :from"
                        + " AND e.occurredAt <= :to ORDER BY e.occurredAt, e.sequence", AuditEvent.class)
                .setParameter("actor", actor)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public void store(Alert alert) {
        entityManager.persist(alert);
        entityManager.flush();
    }

    @Override
    public List<Alert> recentAlerts(int limit) {
        return entityManager.createNamedQuery("Alert.findRecent", Alert.class).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<Alert> latestAlert(String rule, String actor) {
        return entityManager.createNamedQuery("Alert.findLatestFor", Alert.class)
                .setParameter("rule", rule)
                .setParameter("actor", actor)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
