package org.custodian.infrastructure.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.PendingAuditRecord;

/**
 * The two halves of an append, in plain JDBC on a connection whose transaction the caller owns.
 *
 * <p>{@link #enqueue} runs in the operation's own transaction and takes no lock: its rows commit or roll back with
 * the operation. {@link #sequence}, run in a short transaction of its own after that commit, locks the chain head,
 * chains every committed pending row in id order and deletes them, so the head is held for one batch, never for
 * the rest of somebody's request. Strict order: sequence numbers are handed out only here, under the lock, without
 * gaps; a transaction's events keep their order and stay in one batch unless the batch is full.
 */
public final class AuditSequencing {

    private static final String PENDING_COLUMNS = "occurred_at, actor, actor_roles, action, resource_type,"
            + " resource_id, fields, outcome, request_id, client_address";

    private AuditSequencing() {
    }

    /** Inserts the records as pending, in order, at one instant. */
    public static void enqueue(Connection connection, List<AuditRecord> records, Instant at) throws SQLException {
        Object time = at.atOffset(ZoneOffset.UTC);
        MultiRowInsert.insert(connection, "insert into audit_pending (" + PENDING_COLUMNS + ") values ", 10, "",
                records, (insert, at0, record) -> {
                    insert.setObject(at0, time);
                    insert.setString(at0 + 1, record.actor());
                    insert.setString(at0 + 2, record.actorRoles());
                    insert.setString(at0 + 3, record.action());
                    insert.setString(at0 + 4, record.resourceType());
                    insert.setString(at0 + 5, record.resourceId());
                    insert.setString(at0 + 6, record.fields());
                    insert.setString(at0 + 7, record.outcome().name());
                    insert.setString(at0 + 8, record.requestId());
                    insert.setString(at0 + 9, record.clientAddress());
                });
    }

    /**
     * Chains up to {@code limit} committed pending events, oldest id first, and returns how many. Waits for the head
     * lock if another sequencer holds it; the caller commits (or rolls back when this returns 0: nothing was
     * written, so nothing needs to reach the disk).
     */
    public static int sequence(Connection connection, int limit) throws SQLException {
        return sequence(connection, limit, List.of());
    }

    /**
     * Like {@link #sequence(Connection, int)}, then chains {@code held} after the pending rows in the same
     * transaction: events of reads that committed without writing them as pending rows (their requests wait for
     * this commit before they answer). Returns how many pending rows were chained (the held ones always are).
     */
    public static int sequence(Connection connection, int limit, List<PendingAuditRecord> held) throws SQLException {
        AuditChainHead head = lockHead(connection);
        List<PendingAuditRecord> pending = pending(connection, limit);
        if (pending.isEmpty() && held.isEmpty()) {
            return 0;
        }
        if (pending.isEmpty()) {
            insertEvents(connection, head.appendPending(held));
            updateHead(connection, head);
            return 0;
        }
        List<PendingAuditRecord> all = pending;
        if (!held.isEmpty()) {
            all = new ArrayList<>(pending.size() + held.size());
            all.addAll(pending);
            all.addAll(held);
        }
        insertEvents(connection, head.appendPending(all));
        Long[] ids = pending.stream().map(PendingAuditRecord::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement("delete from audit_pending where id = any (?)")) {
            Array array = connection.createArrayOf("bigint", ids);
            delete.setArray(1, array);
            int deleted = delete.executeUpdate();
            if (deleted != ids.length) {
                // Only another sequencer could have taken them, and it would have needed the head lock we hold.
                throw new SQLException("audit_pending changed under the chain head lock: deleted " + deleted + " of "
                        + ids.length);
            }
        }
        updateHead(connection, head);
        return pending.size();
    }

    /**
     * Chains the records straight away in the caller's transaction, under the head's lock until it commits: the
     * bulk path of a batch chunk (a thousand events at once), where writing them as pending first and moving them
     * after the commit would write every event three times. Not for requests: the lock is held to the commit.
     */
    public static void appendNow(Connection connection, List<AuditRecord> records, Instant at) throws SQLException {
        AuditChainHead head = lockHead(connection);
        insertEvents(connection, head.appendPending(records.stream()
                .map(record -> new PendingAuditRecord(0, at, record)).toList()));
        updateHead(connection, head);
    }

    private static AuditChainHead lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select last_sequence, last_hash, merkle_frontier"
                + " from audit_chain_head where id = ? for update")) {
            lock.setInt(1, AuditChainHead.SINGLETON_ID);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("audit_chain_head row is missing: the V1 migration seeds it");
                }
                return AuditChainHead.of(row.getLong(1), row.getString(2).trim(), row.getString(3));
            }
        }
    }

    private static void updateHead(Connection connection, AuditChainHead head) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update audit_chain_head set last_sequence = ?,"
                + " last_hash = ?, merkle_frontier = ? where id = ?")) {
            update.setLong(1, head.getLastSequence());
            update.setString(2, head.getLastHash());
            update.setString(3, head.encodedFrontier());
            update.setInt(4, AuditChainHead.SINGLETON_ID);
            update.executeUpdate();
        }
    }

    /** Committed events not chained yet (the outbox of the trail itself; normally 0 between requests). */
    public static long pendingCount(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from audit_pending");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<PendingAuditRecord> pending(Connection connection, int limit) throws SQLException {
        List<PendingAuditRecord> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, " + PENDING_COLUMNS
                + " from audit_pending order by id limit ?")) {
            select.setInt(1, limit);
            select.setFetchSize(Math.min(limit, 5000));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditRecord record = new AuditRecord(rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8),
                            AuditOutcome.valueOf(rows.getString(9).trim()), rows.getString(10), rows.getString(11));
                    pending.add(new PendingAuditRecord(rows.getLong(1), JdbcValues.instant(rows, 2), record));
                }
            }
        }
        return pending;
    }

    /** Chained events (times as UTC OffsetDateTime, as {@link InstantConverter} writes them). */
    private static void insertEvents(Connection connection, List<AuditEvent> events) throws SQLException {
        MultiRowInsert.insert(connection, "insert into audit_event (sequence, occurred_at, actor, actor_roles,"
                + " action, resource_type, resource_id, fields, outcome, request_id, client_address, previous_hash,"
                + " hash, leaf_hash) values ", 14, "", events, (insert, at, event) -> {
                    insert.setLong(at, event.getSequence());
                    insert.setObject(at + 1, event.getOccurredAt().atOffset(ZoneOffset.UTC));
                    insert.setString(at + 2, event.getActor());
                    insert.setString(at + 3, event.getActorRoles());
                    insert.setString(at + 4, event.getAction());
                    insert.setString(at + 5, event.getResourceType());
                    insert.setString(at + 6, event.getResourceId());
                    insert.setString(at + 7, event.getFields());
                    insert.setString(at + 8, event.getOutcome().name());
                    insert.setString(at + 9, event.getRequestId());
                    insert.setString(at + 10, event.getClientAddress());
                    insert.setString(at + 11, event.getPreviousHash());
                    insert.setString(at + 12, event.getHash());
                    insert.setString(at + 13, event.getLeafHash());
                });
    }
}
