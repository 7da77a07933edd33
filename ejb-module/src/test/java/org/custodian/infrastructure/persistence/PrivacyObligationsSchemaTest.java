package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.junit.jupiter.api.Test;

/**
 * V101 (#25) on a real PostgreSQL: an OBJECTION request is stored, one objection per record and purpose, and the
 * database itself keeps a DPIA version from being signed off by its writer (four eyes) or half signed.
 */
class PrivacyObligationsSchemaTest {

    @Test
    void objectionsAndDpiaSignOffRulesHoldInTheSchema() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DatabaseMigrator.flyway(postgres.getPostgresDatabase()).migrate();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("insert into privacy_request (id, request_type, status, received_at, due_at,"
                        + " created_by, updated_at, version, purposes) values (1, 'OBJECTION', 'IN_PROGRESS',"
                        + " current_timestamp, current_timestamp, 'privacy', current_timestamp, 0, 'QA_REVIEW')");
                statement.execute("insert into processing_objection (id, request_id, customer_id, purpose,"
                        + " objected_at, objected_by) values (1, 1, 7, 'QA_REVIEW', current_timestamp, 'privacy')");
                assertRefused(statement, "insert into processing_objection (id, request_id, customer_id, purpose,"
                        + " objected_at, objected_by) values (2, 1, 7, 'QA_REVIEW', current_timestamp, 'privacy')");
                assertRefused(statement, "insert into processing_objection (id, request_id, customer_id, purpose,"
                        + " objected_at, objected_by) values (3, 1, 7, 'MARKETING', current_timestamp, 'privacy')");

                statement.execute("insert into dpia (id, current_version, created_by, created_at) values (1, 1, 'pat',"
                        + " current_timestamp)");
                statement.execute("insert into dpia_version (id, dpia_id, version, title, processing, purposes,"
                        + " residual_risk, residual_reason, review_date, reason, written_by, written_at) values"
                        + " (1, 1, 1, 't', 'p', 'x', 'LOW', 'r', current_date + 30, 'first', 'pat', current_timestamp)");
                statement.execute("insert into dpia_risk (version_id, position, description, likelihood, severity,"
                        + " measures) values (1, 0, 'd', 'HIGH', 'LOW', 'm')");
                assertRefused(statement, "update dpia_version set signed_off_by = 'pat', signed_off_at ="
                        + " current_timestamp where id = 1");
                assertRefused(statement, "update dpia_version set signed_off_by = 'sam' where id = 1");
                assertRefused(statement, "insert into dpia_version (id, dpia_id, version, title, processing, purposes,"
                        + " residual_risk, residual_reason, review_date, reason, written_by, written_at) values"
                        + " (2, 1, 1, 't', 'p', 'x', 'LOW', 'r', current_date, 'again', 'pat', current_timestamp)");
                statement.execute("update dpia_version set signed_off_by = 'sam', signed_off_at = current_timestamp"
                        + " where id = 1");
                try (ResultSet row = statement.executeQuery("select signed_off_by from dpia_version where id = 1")) {
                    row.next();
                    assertEquals("sam", row.getString(1));
                }
            }
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        assertEquals("23", refused.getSQLState().substring(0, 2), refused.getMessage());
    }
}
