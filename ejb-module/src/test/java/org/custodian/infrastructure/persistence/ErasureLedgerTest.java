package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.ErasureLedger.ErasedCounts;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.junit.jupiter.api.Test;

/**
 * The erasure's statements on the application's schema, on a real PostgreSQL: every personal value of the
 * subject's records is gone from every text column of every table, another customer's data is untouched, and
 * applying the erasure again (as every restore does) changes nothing more.
 */
class ErasureLedgerTest {

    private static final Instant AT = Instant.parse("2026-11-24T01:00:00Z");
    /** The subject's values, as stored (the same person twice) and as typed into the request register. */
    private static final List<String> SUBJECT_VALUES = List.of("Annemarie Quist", "annemarie.quist@example.com",
            "555-1234", "5551234", "QX-991-22", "ANNE-EXT-7", "Quist", "nobody.quist@example.com");

    @Test
    void erasesEveryValueOfTheSubjectOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            DatabaseMigrator.flyway(dataSource).migrate();
            eraseAndCheck(dataSource);
        }
    }

    private static void eraseAndCheck(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into customer (id, external_id, name, email, phone, national_id, region,"
                        + " created_at) values"
                        + " (1, 'ANNE-EXT-7', 'Annemarie Quist', 'Annemarie.Quist@example.com', '+49 30 555-1234',"
                        + " 'QX-991-22', 'EU', current_timestamp),"
                        + " (2, null, 'A. Quist', 'annemarie.quist@example.com', null, null, 'EU', current_timestamp),"
                        + " (3, 'BOB-1', 'Bob Other', 'bob@example.com', '+1 555 0100', null, 'US', current_timestamp)");
                statement.execute("insert into ticket (id, subject, description, status, priority, category, region,"
                        + " customer_id, created_at, updated_at, subject_masked, description_masked) values"
                        + " (10, 'Refund for Annemarie Quist', 'Call 555-1234', 'OPEN', 'NORMAL', 'BILLING', 'EU', 1,"
                        + " current_timestamp, current_timestamp, 'Refund for A*******', 'Call ***'),"
                        + " (11, 'Quist again', 'annemarie.quist@example.com wrote', 'CLOSED', 'LOW', 'BILLING', 'EU', 2,"
                        + " current_timestamp, current_timestamp, null, null),"
                        + " (12, 'Bob Other printer', 'bob@example.com', 'OPEN', 'NORMAL', 'HARDWARE', 'US', 3,"
                        + " current_timestamp, current_timestamp, null, null)");
                statement.execute("insert into ticket_comment (id, ticket_id, body, visibility, author, created_at)"
                        + " values (20, 10, 'Spoke to Annemarie Quist', 'PUBLIC', 'agent.eu', current_timestamp),"
                        + " (21, 12, 'Bob Other confirmed', 'PUBLIC', 'agent.us', current_timestamp)");
                statement.execute("insert into privacy_request (id, request_type, status, subject_email, subject_phone,"
                        + " received_at, due_at, created_by, updated_at, version) values"
                        + " (100, 'ERASURE', 'IN_PROGRESS', 'ANNEMARIE.QUIST@example.com', null, current_timestamp,"
                        + " current_timestamp, 'privacy', current_timestamp, 0),"
                        + " (101, 'ACCESS', 'COMPLETED', null, '+49 (30) 555 1234', current_timestamp,"
                        + " current_timestamp, 'privacy', current_timestamp, 0),"
                        + " (102, 'ACCESS', 'RECEIVED', 'bob@example.com', null, current_timestamp,"
                        + " current_timestamp, 'privacy', current_timestamp, 0)");
                statement.execute("insert into privacy_request_subject (request_id, customer_id) values (100, 1),"
                        + " (100, 2), (102, 3)");
                statement.execute("update privacy_request set identity_method = 'Passport of Annemarie Quist',"
                        + " outcome = 'Called Annemarie Quist back' where id in (100, 101)");
                statement.execute("insert into privacy_request (id, request_type, status, subject_email,"
                        + " subject_phone, received_at, due_at, created_by, updated_at, version) values (103, 'ERASURE',"
                        + " 'IN_PROGRESS', 'nobody.quist@example.com', null, current_timestamp, current_timestamp,"
                        + " 'privacy', current_timestamp, 0)");
                statement.execute("insert into consent_record (id, customer_id, purpose, given, recorded_at, source,"
                        + " text_version, recorded_by) values (1, 1, 'QA_REVIEW', true, current_timestamp,"
                        + " 'Call with Annemarie Quist', 'v1', 'agent.eu')");
                statement.execute("insert into notification (id, recipient_role, topic, resource_type, resource_id,"
                        + " message, created_at) values (1, 'PRIVACY_OFFICER', 'BREAK_GLASS', 'TICKET', '10',"
                        + " 'opened ticket 10: Annemarie Quist is on the phone', current_timestamp)");
            }
            JpaErasureLedger ledger = new JpaErasureLedger();
            ErasedCounts counts = ledger.reapply(connection, 100L, Set.of(1L, 2L), AT,
                    value -> "hmac:" + value.length());
            assertEquals(new ErasedCounts(2, 2, 1, 2), counts);
            // a request whose subject no record matched still loses its address
            ErasedCounts alone = ledger.reapply(connection, 103L, Set.of(), AT, value -> "hmac:" + value.length());
            assertEquals(new ErasedCounts(0, 0, 0, 1), alone);
            assertEquals("hmac:24", text(connection, "select subject_email from privacy_request where id = 103"));
            for (String value : SUBJECT_VALUES) {
                assertEquals(List.of(), columnsHolding(connection, value), "no column may still hold " + value);
            }
            assertEquals(Customer.ERASED, text(connection, "select name from customer where id = 1"));
            assertNotNull(text(connection, "select erased_at from customer where id = 2"));
            assertEquals(Ticket.ANONYMIZED, text(connection, "select description from ticket where id = 11"));
            assertEquals("BILLING", text(connection, "select category from ticket where id = 11"), "statistics stay");
            assertEquals("hmac:27", text(connection, "select subject_email from privacy_request where id = 100"));
            assertEquals("hmac:11", text(connection, "select subject_email from privacy_request where id = 101"),
                    "a request found by the phone typed another way");
            // the other customer is untouched
            assertEquals("Bob Other", text(connection, "select name from customer where id = 3"));
            assertEquals("bob@example.com", text(connection, "select description from ticket where id = 12"));
            assertEquals("Bob Other confirmed", text(connection, "select body from ticket_comment where id = 21"));
            assertEquals("bob@example.com", text(connection, "select subject_email from privacy_request where id = 102"));

            // as every restore does: applied again, nothing more changes
            String before = snapshot(connection);
            ErasedCounts again = ledger.reapply(connection, 100L, Set.of(1L, 2L), AT.plusSeconds(60),
                    v -> "other");
            assertEquals(0, again.tickets(), "anonymized tickets are not anonymized twice");
            assertEquals(before, snapshot(connection));
            connection.rollback();
        }
    }

    /** Every text column of every table that holds {@code value} (ignoring case). */
    static List<String> columnsHolding(Connection connection, String value) throws SQLException {
        List<String> found = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, connection.getSchema(), "%", "%")) {
            while (rows.next()) {
                int type = rows.getInt("DATA_TYPE");
                if (type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB || type == Types.LONGVARCHAR
                        || type == Types.NVARCHAR) {
                    columns.add(new String[] {rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")});
                }
            }
        }
        for (String[] column : columns) {
            // names come from the database's own catalog, quoted
            try (PreparedStatement select = connection.prepareStatement("select count(*) from \"" + column[0]
                    + "\" where lower(\"" + column[1] + "\") like ?")) {
                select.setString(1, "%" + value.toLowerCase(Locale.ROOT) + "%");
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return found;
    }

    private static String snapshot(Connection connection) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String query : new String[] {"select * from customer order by id", "select * from ticket order by id",
                "select * from ticket_comment order by id", "select * from privacy_request order by id"}) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        out.append(rows.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getString(1);
        }
    }
}
