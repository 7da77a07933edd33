package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.PendingAuditRecord;
import org.custodian.domain.model.audit.StoredLink;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

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
    public void enqueue(List<AuditRecord> records, Instant at) {
        // the transaction's connection (the container hands out the one enlisted): pending rows commit with it
        try (Connection connection = dataSource.getConnection()) {
            AuditSequencing.enqueue(connection, records, at);
        } catch (SQLException e) {
            throw new PersistenceException("recording audit events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void appendNow(List<AuditRecord> records, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            AuditSequencing.appendNow(connection, records, at);
        } catch (SQLException e) {
            throw new PersistenceException("appending audit events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int sequencePending(int limit) {
        return sequencePending(limit, List.of());
    }

    @Override
    public int sequencePending(int limit, List<PendingAuditRecord> held) {
        try (Connection connection = dataSource.getConnection()) {
            return AuditSequencing.sequence(connection, limit, held);
        } catch (SQLException e) {
            throw new PersistenceException("chaining pending audit events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long pendingCount() {
        try (Connection connection = dataSource.getConnection()) {
            return AuditSequencing.pendingCount(connection);
        } catch (SQLException e) {
            throw new PersistenceException("counting pending audit events failed: " + e.getMessage(), e);
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
    public List<StoredLink> readLinks(long afterSequence, long upToSequence) {
        List<StoredLink> links = new ArrayList<>((int) Math.max(0, Math.min(upToSequence - afterSequence, 10_000)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + STORED_EVENT_COLUMNS
                        + " from audit_event where sequence > ? and sequence <= ? order by sequence")) {
            boolean postgres = select.isWrapperFor(PGStatement.class);
            if (postgres) {
                // binary transfer from the first execution on: occurred_at arrives as microseconds, nothing to parse
                select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            select.setLong(1, afterSequence);
            select.setLong(2, upToSequence);
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                boolean wire = postgres && binaryTimestamps(rows);
                while (rows.next()) {
                    links.add(wire ? wireLink(rows) : storedLink(rows));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new PersistenceException("reading audit events failed: " + e.getMessage(), e);
        }
    }

    /** Whether PostgreSQL sends occurred_at in binary (it does unless binary transfer was turned off in the URL). */
    private static boolean binaryTimestamps(ResultSet rows) throws SQLException {
        return rows.getMetaData().isWrapperFor(PGResultSetMetaData.class)
                && rows.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(2) == 1;
    }

    private static StoredLink storedLink(ResultSet rows) throws SQLException {
        AuditEvent event = storedEvent(rows);
        return event.link(event.digests());
    }

    /**
     * A link straight from PostgreSQL's wire format: the driver hands text columns over as the UTF-8 bytes it
     * received (for a column that is not bytea, getBytes does not decode), which are what the canonical form hashes;
     * decoding them to Strings and encoding them back cost more than the hashing.
     */
    private static StoredLink wireLink(ResultSet rows) throws SQLException {
        long pgMicros = (long) BIG_ENDIAN_LONG.get(rows.getBytes(2), 0);
        if (pgMicros > Long.MAX_VALUE - POSTGRES_EPOCH_MICROS || pgMicros == Long.MIN_VALUE) {
            // '±infinity', or within 30 years of PostgreSQL's last timestamp (294276 AD), where the shift to the
            // Unix epoch overflows: not real times; the slow path renders what the driver makes of them
            return storedLink(rows);
        }
        long sequence = rows.getLong(1);
        byte[] action = rows.getBytes(5);
        byte[] resourceId = rows.getBytes(7);
        byte[] previousHash = rows.getBytes(12);
        AuditEvent.Digests digests = AuditEvent.storedDigests(sequence, pgMicros + POSTGRES_EPOCH_MICROS,
                rows.getBytes(3), rows.getBytes(4), action, rows.getBytes(6), resourceId, rows.getBytes(8),
                rows.getBytes(9), rows.getBytes(10), rows.getBytes(11), previousHash);
        return new StoredLink(sequence, previousHash, rows.getBytes(13), rows.getBytes(14),
                action == null ? null : new String(action, StandardCharsets.UTF_8),
                resourceId == null ? null : new String(resourceId, StandardCharsets.UTF_8), digests);
    }

    /** PostgreSQL's binary timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    @Override
    public List<byte[]> leafHashes(long after, long treeSize) {
        // plain JDBC, like findAfter: the first proof after a start reads every leaf once
        List<byte[]> leaves = new ArrayList<>((int) Math.max(0, Math.min(treeSize - after, 1 << 20)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select leaf_hash from audit_event"
                        + " where sequence > ? and sequence <= ? order by sequence")) {
            select.setLong(1, after);
            select.setLong(2, treeSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String hex = rows.getString(1);
                    leaves.add(hex == null ? new byte[0] : HexFormat.of().parseHex(hex.trim()));
                }
            }
            return leaves;
        } catch (SQLException e) {
            throw new PersistenceException("reading audit leaf hashes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, String> chainHashesAt(List<Long> sequences) {
        Map<Long, String> hashes = new HashMap<>();
        if (sequences.isEmpty()) {
            return hashes;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select sequence, hash from audit_event where sequence = any (?)")) {
            select.setArray(1, connection.createArrayOf("bigint", sequences.toArray(Long[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getLong(1), rows.getString(2).trim());
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new PersistenceException("reading audit chain hashes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEvent> findActions(Instant from, Instant to, Collection<String> actions, long afterSequence,
            int limit) {
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
    public List<AuditEvent> findAboutCustomer(long customerId, int limit) {
        List<AuditEvent> newestFirst = entityManager.createQuery("SELECT e FROM AuditEvent e WHERE e.resourceType ="
                        + " 'CUSTOMER' AND e.resourceId = :id ORDER BY e.sequence DESC", AuditEvent.class)
                .setParameter("id", String.valueOf(customerId))
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        return reversed(newestFirst);
    }

    /** A capped history is read newest first, so it keeps the latest events; callers read it oldest first. */
    private static List<AuditEvent> reversed(List<AuditEvent> newestFirst) {
        List<AuditEvent> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
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
        return reversed(newestFirst);
    }

    @Override
    public List<AuditEvent> findChangesOfTicket(long ticketId, Collection<String> actions, int limit) {
        String id = String.valueOf(ticketId);
        List<AuditEvent> newestFirst = entityManager.createQuery("SELECT e FROM AuditEvent e"
                        + " WHERE e.action IN :actions AND e.outcome = :success AND ((e.resourceType = 'TICKET'"
                        + " AND e.resourceId = :id) OR (e.resourceType = 'COMMENT' AND e.resourceId LIKE :comments))"
                        + " ORDER BY e.sequence DESC", AuditEvent.class)
                .setParameter("actions", actions)
                .setParameter("success", AuditOutcome.SUCCESS)
                .setParameter("id", id)
                .setParameter("comments", id + "/%")
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        return reversed(newestFirst);
    }

    @Override
    public List<AuditEvent> findAboutUser(String username, int limit) {
        // audit_event_user_idx (V35): resource ids of USER events are usernames
        List<AuditEvent> newestFirst = entityManager.createQuery("SELECT e FROM AuditEvent e"
                        + " WHERE e.resourceType = 'USER' AND e.resourceId = :name ORDER BY e.sequence DESC",
                        AuditEvent.class)
                .setParameter("name", username)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        return reversed(newestFirst);
    }

    @Override
    public List<AuditEvent> findByActor(String actor, Instant from, Instant to, int limit) {
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
    public List<AuditEvent> findUnverifiedBySource(String clientAddress, Instant from, Instant to, int limit) {
        return entityManager.createQuery("SELECT e FROM AuditEvent e WHERE e.clientAddress = :source"
                        + " AND (e.actorRoles IS NULL OR e.actorRoles = '') AND e.occurredAt >= :from"
                        + " AND e.occurredAt <= :to ORDER BY e.occurredAt, e.sequence", AuditEvent.class)
                .setParameter("source", clientAddress)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }
}
