package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.application.slo.GovernanceFacts;

/**
 * The governance facts in plain SQL over the tables that record them (read only). The large tables are read through
 * an index: audit_event by its primary key and audit_event_verify_idx, ticket by ticket_security_created_idx (V99).
 */
@ApplicationScoped
public class JdbcGovernanceFacts implements GovernanceFacts {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    public JdbcGovernanceFacts() {
    }

    /** For tests on an embedded PostgreSQL. */
    public JdbcGovernanceFacts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                statement.setObject(i + 1, p instanceof Instant at ? Timestamp.from(at) : p);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading governance facts failed: " + e.getMessage(), e);
        }
    }

    private static Instant at(ResultSet rows, int column) throws SQLException {
        return JdbcValues.instant(rows, column);
    }

    @Override
    public List<SubjectRequest> subjectRequests(Instant since) {
        // a final request changes no more: its updated_at is the moment it was answered
        return query("select r.id, r.request_type, r.received_at, r.due_at,"
                + " case when r.status in ('COMPLETED', 'REJECTED') then r.updated_at end,"
                + " coalesce(e.erased_at, (select min(p.restricted_at) from processing_restriction p"
                + "   where p.request_id = r.id)),"
                + " r.status = 'REJECTED', r.status = 'BLOCKED_BY_HOLD'"
                + " from privacy_request r left join erasure e on e.request_id = r.id"
                + " where r.status not in ('COMPLETED', 'REJECTED') or r.updated_at >= ?", rows -> {
                    List<SubjectRequest> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(new SubjectRequest(rows.getLong(1), rows.getString(2), at(rows, 3), at(rows, 4),
                                at(rows, 5), at(rows, 6), rows.getBoolean(7), rows.getBoolean(8)));
                    }
                    return out;
                }, since);
    }

    @Override
    public Backups backups(String target, Instant since) {
        long[] counts = query("select count(*) filter (where status in ('COMPLETE', 'EXPIRED')),"
                + " count(*) filter (where status = 'FAILED') from backup_set where target = ? and started_at >= ?",
                rows -> {
                    rows.next();
                    return new long[] {rows.getLong(1), rows.getLong(2)};
                }, target, since);
        Instant newest = query("select max(coalesce(snapshot_at, completed_at)) from backup_set"
                + " where target = ? and status = 'COMPLETE'", rows -> rows.next() ? at(rows, 1) : null, target);
        Drill last = query("select finished_at, rto_ms, coalesce(ok, false) from restore_run where kind = 'DRILL'"
                + " and finished_at is not null order by started_at desc limit 1", rows -> rows.next()
                        ? new Drill(at(rows, 1), rows.getObject(2) == null ? null : rows.getLong(2),
                                rows.getBoolean(3)) : null);
        Instant lastGood = query("select max(finished_at) from restore_run where kind = 'DRILL' and ok",
                rows -> rows.next() ? at(rows, 1) : null);
        return new Backups(target, counts[0], counts[1], newest, last, lastGood);
    }

    @Override
    public Audit audit(String excludedSink) {
        Object[] checkpoint = query("select tree_size, created_at from audit_checkpoint order by tree_size desc"
                + " limit 1", rows -> rows.next() ? new Object[] {rows.getLong(1), at(rows, 2)}
                        : new Object[] {0L, null});
        Instant oldestUnsigned = firstEventAfter((Long) checkpoint[0]);
        Instant verified = query("select max(occurred_at) from audit_event where action = 'AUDIT_VERIFY'",
                rows -> rows.next() ? at(rows, 1) : null);
        List<Object[]> positions = query("select sink, delivered_sequence from siem_delivery where sink <> ?"
                + " order by sink", rows -> {
                    List<Object[]> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(new Object[] {rows.getString(1), rows.getLong(2)});
                    }
                    return out;
                }, excludedSink);
        List<SinkLag> sinks = new ArrayList<>();
        for (Object[] position : positions) {
            long delivered = (Long) position[1];
            sinks.add(new SinkLag((String) position[0], delivered, firstEventAfter(delivered)));
        }
        return new Audit((Instant) checkpoint[1], oldestUnsigned, verified, sinks);
    }

    /** The time of the first event after this sequence (null: there is none), by the primary key. */
    private Instant firstEventAfter(long sequence) {
        return query("select occurred_at from audit_event where sequence > ? order by sequence limit 1",
                rows -> rows.next() ? at(rows, 1) : null, sequence);
    }

    @Override
    public List<SecurityTicket> securityTickets(Instant since) {
        return query("select t.id, t.created_at, (select min(c.created_at) from ticket_comment c"
                + "   where c.ticket_id = t.id and c.author not like 'system:%')"
                + " from ticket t where t.category = 'SECURITY' and t.created_at >= ?", rows -> {
                    List<SecurityTicket> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(new SecurityTicket(rows.getLong(1), at(rows, 2), at(rows, 3)));
                    }
                    return out;
                }, since);
    }

    @Override
    public long alertsOpenSince(Instant before) {
        return query("select count(*) from alert a join ticket t on t.id = a.ticket_id"
                + " where t.category = 'SECURITY' and t.status not in ('RESOLVED', 'CLOSED') and a.created_at < ?",
                rows -> rows.next() ? rows.getLong(1) : 0L, before);
    }

    @Override
    public List<Review> reviews(Instant since, Instant now) {
        return query("select id, deadline, closed_at from access_review where (deadline >= ? and deadline <= ?)"
                + " or (closed_at >= ? and closed_at <= ?)", rows -> {
                    List<Review> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(new Review(rows.getLong(1), at(rows, 2), at(rows, 3)));
                    }
                    return out;
                }, since, now, since, now);
    }
}
