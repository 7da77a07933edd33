package org.custodian.infrastructure.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.custodian.domain.model.policy.FieldMasks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V2_1 on a database that has rows from before it: every ticket and comment without a masked copy gets the
 * detector's mask, across several write batches, and a copy already there is left as it is.
 */
class MaskedCopiesMigrationTest {

    private static final int TICKETS = 1_201;

    @Test
    void fillsTheMaskedCopiesOfEveryOlderRow() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway full = DatabaseMigrator.flyway(dataSource);
            Flyway.configure().configuration(full.getConfiguration()).target("2").load().migrate();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("insert into customer (id, name, region, created_at)"
                        + " values (1, 'Someone', 'EU', current_timestamp)");
                try (PreparedStatement ticket = connection.prepareStatement("insert into ticket (id, subject,"
                        + " description, status, priority, category, region, customer_id, created_at, updated_at)"
                        + " values (?, ?, ?, 'OPEN', 'NORMAL', 'BILLING', 'EU', 1, current_timestamp,"
                        + " current_timestamp)")) {
                    for (int id = 1; id <= TICKETS; id++) {
                        ticket.setLong(1, id);
                        ticket.setString(2, subject(id));
                        ticket.setString(3, description(id));
                        ticket.addBatch();
                    }
                    ticket.executeBatch();
                }
                statement.execute("insert into ticket_comment (id, ticket_id, body, visibility, author, created_at)"
                        + " values (1, 1, 'reach me at anna.berg@example.com', 'PUBLIC', 'agent', current_timestamp),"
                        + " (2, 2, 'no personal data here', 'INTERNAL', 'agent', current_timestamp)");
                statement.execute("update ticket set subject_masked = 'kept', description_masked = 'kept'"
                        + " where id = " + TICKETS);
            }
            full.migrate();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                int seen = 0;
                try (ResultSet rows = statement.executeQuery(
                        "select id, subject_masked, description_masked from ticket where id < " + TICKETS)) {
                    while (rows.next()) {
                        int id = rows.getInt(1);
                        assertEquals(FieldMasks.maskDetected(subject(id)), rows.getString(2), "ticket " + id);
                        assertEquals(FieldMasks.maskDetected(description(id)), rows.getString(3), "ticket " + id);
                        seen++;
                    }
                }
                assertEquals(TICKETS - 1, seen);
                try (ResultSet kept = statement.executeQuery(
                        "select subject_masked, description_masked from ticket where id = " + TICKETS)) {
                    kept.next();
                    assertEquals("kept", kept.getString(1));
                    assertEquals("kept", kept.getString(2));
                }
                try (ResultSet comments = statement.executeQuery(
                        "select body, body_masked from ticket_comment order by id")) {
                    comments.next();
                    assertEquals(FieldMasks.maskDetected("reach me at anna.berg@example.com"), comments.getString(2));
                    assertNotEquals(comments.getString(1), comments.getString(2), "the e-mail address is masked");
                    comments.next();
                    assertEquals("no personal data here", comments.getString(2));
                }
            }
        }
    }

    private static String subject(int id) {
        return "Printer " + id + " for user" + id + "@example.com";
    }

    private static String description(int id) {
        return id % 2 == 0 ? "call +49 30 555 " + (1000 + id) : "nothing personal in ticket " + id;
    }
}
