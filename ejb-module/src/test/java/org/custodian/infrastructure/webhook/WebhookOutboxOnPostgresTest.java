package org.custodian.infrastructure.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.custodian.infrastructure.persistence.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook outbox query on a real PostgreSQL (V92): order per resource, paused webhooks, rows held elsewhere. */
class WebhookOutboxOnPostgresTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    @Test
    void theOldestRowOfAResourceGoesFirstAPausedWebhookWaitsAndALockedRowIsSkipped() throws Exception {
        try (Connection setup = POSTGRES.connection(); Statement sql = setup.createStatement()) {
            for (String[] hook : new String[][] {{"1", "ACTIVE"}, {"2", "PAUSED"}}) {
                sql.execute("insert into webhook (id, account, url, events, secret_sealed, state, created_at,"
                        + " created_by, updated_at) values (" + hook[0] + ", 'erp', 'https://hooks.example.com/',"
                        + " 'ticket.created', 'sealed', '" + hook[1] + "', now(), 'svc:erp/k', now())");
            }
            // 11 is due before 10 but is the later event of ticket 5: it waits for 10
            delivery(setup, 10, 1, 5, NOW.minusSeconds(5));
            delivery(setup, 11, 1, 5, NOW.minusSeconds(60));
            delivery(setup, 12, 1, 6, NOW.plusSeconds(60)); // not due yet
            delivery(setup, 13, 2, 7, NOW.minusSeconds(60)); // its webhook is paused
        }
        try (Connection first = POSTGRES.connection(); Connection second = POSTGRES.connection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertEquals(10L, next(first));
            // another node: 10 is locked (skipped), 11 waits behind it, 12 is not due, 13 is paused
            assertEquals(-1L, next(second));
            second.rollback();
            try (Statement sql = first.createStatement()) {
                sql.execute("update webhook_delivery set status = 'DEAD' where id = 10");
            }
            first.commit();
            // a dead letter no longer holds the later events of its resource back
            assertEquals(11L, next(second));
            second.rollback();
        }
    }

    private static void delivery(Connection connection, long id, long webhook, long ticket, Instant due)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into webhook_delivery (id, webhook_id,"
                + " message_id, event_type, resource_type, resource_id, occurred_at, status, next_attempt_at) values"
                + " (?, ?, ?, 'ticket.updated', 'ticket', ?, ?, 'PENDING', ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, webhook);
            insert.setString(3, "msg_" + id);
            insert.setLong(4, ticket);
            insert.setTimestamp(5, Timestamp.from(NOW));
            insert.setTimestamp(6, Timestamp.from(due));
            insert.executeUpdate();
        }
    }

    private static long next(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(JpaWebhookRepository.NEXT_DUE_SQL)) {
            query.setTimestamp(1, Timestamp.from(NOW));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1L;
            }
        }
    }
}
