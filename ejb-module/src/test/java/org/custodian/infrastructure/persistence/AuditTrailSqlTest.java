package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's own SQL on the application's schema, on a real PostgreSQL: pending events are chained once, in
 * batches, the pruning guard can be locked, and two counts of the same group and day add up in one row.
 */
class AuditTrailSqlTest {

    @Test
    void pendingEventsChainingThePruningGuardAndDailyCounts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            DatabaseMigrator.flyway(dataSource).migrate();
            check(dataSource);
        }
    }

    private static void check(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            AuditRecord record = new AuditRecord("agent.eu", "AGENT", "TICKET_READ", "TICKET", "7", "subject",
                    AuditOutcome.SUCCESS, "req-1", "10.0.0.1");
            AuditSequencing.enqueue(connection, List.of(record, record, record), Instant.now());
            AuditSequencing.enqueue(connection, List.of(record), Instant.now());
            connection.commit();
            assertEquals(4, AuditSequencing.sequence(connection, 3) + AuditSequencing.sequence(connection, 3));
            connection.commit();
            assertEquals(0, AuditSequencing.pendingCount(connection));
            assertEquals(0, AuditSequencing.sequence(connection, 3));
            connection.rollback();
            try (Statement statement = connection.createStatement()) {
                assertEquals(4, number(statement, "select last_sequence from audit_chain_head"));
                assertTrue(statement.executeQuery("select id from audit_prune_guard where id = 1 for update").next());
            }
            LocalDate day = LocalDate.of(2026, 11, 23);
            JpaAuditDailyCountRepository.addDailyCount(connection,
                    new AuditDailyCount(day, "TICKET_READ", "SUCCESS", "TICKET", "AGENT", 3, 1, 3));
            JpaAuditDailyCountRepository.addDailyCount(connection,
                    new AuditDailyCount(day, "TICKET_READ", "SUCCESS", "TICKET", "AGENT", 1, 4, 4));
            try (Statement statement = connection.createStatement()) {
                assertEquals(4, number(statement, "select events from audit_daily_aggregate where utc_day = date"
                        + " '2026-11-23'"));
                assertEquals(4, number(statement, "select last_sequence from audit_daily_aggregate"));
            }
            connection.rollback();
        }
    }

    private static long number(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
