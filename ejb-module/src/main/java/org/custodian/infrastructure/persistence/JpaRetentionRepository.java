package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionPolicy;
import org.custodian.domain.model.retention.RetentionProgress;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.retention.RetentionResumePoint;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketStatus;

@ApplicationScoped
public class JpaRetentionRepository implements RetentionRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<RetentionPolicy> policies(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "RetentionPolicy.findActive" : "RetentionPolicy.findAll",
                RetentionPolicy.class).getResultList();
    }

    @Override
    public Optional<RetentionPolicy> findPolicyForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(RetentionPolicy.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(RetentionPolicy policy) {
        entityManager.persist(policy);
        entityManager.flush();
    }

    @Override
    public List<LegalHold> holds(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "LegalHold.findActive" : "LegalHold.findAll",
                LegalHold.class).getResultList();
    }

    @Override
    public Optional<LegalHold> findHoldForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(LegalHold.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(LegalHold hold) {
        entityManager.persist(hold);
        entityManager.flush();
    }

    /** The projection retention decides on; never the ticket's text. */
    private static final String SUBJECT_COLUMNS = "select id, customer_id, category, region, status, created_at,"
            + " updated_at, resolved_at, anonymized_at from ticket";

    /**
     * The set-wise statements of a purge chunk run as plain JDBC on the transaction's connection (the same pool,
     * so the same transaction as JPA and the job's checkpoint), with the ids as one array parameter: a
     * thousand-element IN list costs the JPA provider and the database more than the work itself.
     */
    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public List<RetentionSubject> subjectsAfter(long afterId, int limit, int partition, int partitions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SUBJECT_COLUMNS
                        + " where id > ? and mod(id, ?) = ? order by id limit ?")) {
            select.setLong(1, afterId);
            select.setLong(2, partitions);
            select.setLong(3, partition);
            select.setInt(4, limit);
            return subjects(select, limit);
        } catch (SQLException e) {
            throw new PersistenceException("reading tickets for retention failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RetentionSubject> subjectsOfCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SUBJECT_COLUMNS
                        + " where customer_id = any(?) order by id")) {
            select.setArray(1, ids(connection, customerIds));
            return subjects(select, 16);
        } catch (SQLException e) {
            throw new PersistenceException("reading the tickets of customers failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RetentionSubject> lockSubjects(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        // in id order, so two lockers cannot deadlock
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SUBJECT_COLUMNS
                        + " where id = any(?) order by id for update")) {
            select.setArray(1, ids(connection, ticketIds));
            return subjects(select, ticketIds.size());
        } catch (SQLException e) {
            throw new PersistenceException("locking tickets for retention failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void lockHoldGuard() {
        entityManager.createNativeQuery("SELECT id FROM legal_hold_guard WHERE id = 1 FOR UPDATE").getResultList();
    }

    @Override
    public void shareHoldGuard() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id from legal_hold_guard where id = 1 for share")) {
            select.executeQuery().close();
        } catch (SQLException e) {
            throw new PersistenceException("locking the legal hold guard failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void anonymize(Collection<Long> ticketIds, Instant now) {
        if (ticketIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            anonymizeTickets(connection, ids(connection, ticketIds), now);
        } catch (SQLException e) {
            throw new PersistenceException("anonymizing tickets failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the texts of the tickets and of all their comments (and the masked copies) by the anonymized mark;
     * what is not personal (category, status, dates, region) stays for statistics. Shared by retention and by
     * erasure, on the live database or a restored copy.
     *
     * @return the tickets newly anonymized and the comments overwritten
     */
    static int[] anonymizeTickets(Connection connection, Array ticketIds, Instant now) throws SQLException {
        try (PreparedStatement comments = connection.prepareStatement("update ticket_comment set body = ?,"
                        + " body_masked = ? where ticket_id = any(?)");
                PreparedStatement tickets = connection.prepareStatement("update ticket set subject = ?,"
                        + " description = ?, subject_masked = ?, description_masked = ?, anonymized_at = ?,"
                        + " version = version + 1 where id = any(?) and anonymized_at is null")) {
            comments.setString(1, Ticket.ANONYMIZED);
            comments.setString(2, Ticket.ANONYMIZED);
            comments.setArray(3, ticketIds);
            int commentCount = comments.executeUpdate();
            for (int i = 1; i <= 4; i++) {
                tickets.setString(i, Ticket.ANONYMIZED);
            }
            tickets.setObject(5, now.atOffset(ZoneOffset.UTC));
            tickets.setArray(6, ticketIds);
            return new int[] {tickets.executeUpdate(), commentCount};
        }
    }

    @Override
    public void delete(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement comments = connection.prepareStatement(
                        "delete from ticket_comment where ticket_id = any(?)");
                PreparedStatement tickets = connection.prepareStatement("delete from ticket where id = any(?)")) {
            Array ids = ids(connection, ticketIds);
            comments.setArray(1, ids);
            comments.executeUpdate();
            tickets.setArray(1, ids);
            tickets.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("deleting tickets failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, Integer> attachmentCounts(Collection<Long> ticketIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select ticket_id, count(*) from attachment"
                        + " where ticket_id = any(?) group by ticket_id")) {
            select.setArray(1, ids(connection, ticketIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new PersistenceException("counting the attachments of tickets failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int removeAttachments(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        // the chunks go by their foreign key's cascade
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from attachment where ticket_id = any(?)")) {
            delete.setArray(1, ids(connection, ticketIds));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("removing the attachments of tickets failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RetentionSubject> subjectsWithAttachmentsOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SUBJECT_COLUMNS + " where id in (select"
                        + " ticket_id from attachment where customer_id = any(?)) order by id")) {
            select.setArray(1, ids(connection, customerIds));
            return subjects(select, 16);
        } catch (SQLException e) {
            throw new PersistenceException("reading the tickets with attachments of customers failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Set<Long> referenced(Collection<Long> ticketIds) {
        Set<Long> referenced = new HashSet<>();
        if (ticketIds.isEmpty()) {
            return referenced;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select ticket_id from access_override"
                        + " where ticket_id = any(?) union select ticket_id from alert where ticket_id = any(?)")) {
            Array ids = ids(connection, ticketIds);
            select.setArray(1, ids);
            select.setArray(2, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    referenced.add(rows.getLong(1));
                }
            }
            return referenced;
        } catch (SQLException e) {
            throw new PersistenceException("reading references to tickets failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void countProgress(long jobInstanceId, int partition, long lastTicketId, RetentionProgress more) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update retention_purge_progress set"
                        + " examined = examined + ?, anonymized = anonymized + ?, deleted = deleted + ?,"
                        + " held = held + ?, gone = gone + ?, skipped = skipped + ?, attachments = attachments + ?,"
                        + " last_ticket_id = ?"
                        + " where job_instance_id = ? and partition_no = ?")) {
            bindProgress(update, more, lastTicketId, jobInstanceId, partition);
            if (update.executeUpdate() == 0) {
                // the partition's first chunk; no other transaction writes this partition's row
                try (PreparedStatement insert = connection.prepareStatement("insert into retention_purge_progress"
                        + " (examined, anonymized, deleted, held, gone, skipped, attachments, last_ticket_id,"
                        + " job_instance_id, partition_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindProgress(insert, more, lastTicketId, jobInstanceId, partition);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("counting retention progress failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<RetentionResumePoint> resumePoint(long jobInstanceId, int partition) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select last_ticket_id, examined"
                        + " from retention_purge_progress where job_instance_id = ? and partition_no = ?")) {
            select.setLong(1, jobInstanceId);
            select.setInt(2, partition);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new RetentionResumePoint(row.getLong(1), row.getLong(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading retention progress failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RetentionProgress progress(long jobInstanceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select coalesce(sum(examined), 0),"
                        + " coalesce(sum(anonymized), 0), coalesce(sum(deleted), 0), coalesce(sum(held), 0),"
                        + " coalesce(sum(gone), 0), coalesce(sum(skipped), 0), coalesce(sum(attachments), 0)"
                        + " from retention_purge_progress"
                        + " where job_instance_id = ?")) {
            select.setLong(1, jobInstanceId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new RetentionProgress(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7));
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading retention progress failed: " + e.getMessage(), e);
        }
    }

    /** The update and the insert take the same ten values in the same order. */
    private static void bindProgress(PreparedStatement statement, RetentionProgress progress, long lastTicketId,
            long jobInstanceId, int partition) throws SQLException {
        statement.setLong(1, progress.examined());
        statement.setLong(2, progress.anonymized());
        statement.setLong(3, progress.deleted());
        statement.setLong(4, progress.held());
        statement.setLong(5, progress.gone());
        statement.setLong(6, progress.skipped());
        statement.setLong(7, progress.attachments());
        statement.setLong(8, lastTicketId);
        statement.setLong(9, jobInstanceId);
        statement.setInt(10, partition);
    }

    private static List<RetentionSubject> subjects(PreparedStatement select, int expected) throws SQLException {
        List<RetentionSubject> subjects = new ArrayList<>(expected);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                subjects.add(new RetentionSubject(rows.getLong(1), rows.getLong(2), rows.getString(3),
                        Region.valueOf(rows.getString(4)), TicketStatus.valueOf(rows.getString(5)),
                        JdbcValues.instant(rows, 6), JdbcValues.instant(rows, 7), JdbcValues.instant(rows, 8), JdbcValues.instant(rows, 9)));
            }
        }
        return subjects;
    }

    static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray(new Long[0]));
    }
}
