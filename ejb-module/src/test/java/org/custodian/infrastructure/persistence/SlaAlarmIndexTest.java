package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.junit.jupiter.api.Test;

/**
 * #25 on a real PostgreSQL with the application's schema: the SLA timer's two questions (the earliest alarm, the
 * clocks due now) and the queue's "due soonest" are answered from indexes, not by scanning every clock or ticket,
 * with 300,000 clocks of which most have no alarm any more (met, stopped or paused).
 */
class SlaAlarmIndexTest {

    @Test
    void theTimerAndTheQueueReadIndexes() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            DatabaseMigrator.flyway(dataSource).migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                // clocks without their tickets: the foreign keys are not what this test is about
                sql.execute("set session_replication_role = replica");
                sql.execute("insert into sla_clock (id, ticket_id, kind, target_minutes, started_at, paused_seconds,"
                        + " due, warn_at, met_at, alarm_at) select g, g, 'RESOLUTION', 60, now(), 0,"
                        + " now() + g * interval '1 second', now(), case when g % 10 = 0 then null else now() end,"
                        + " case when g % 10 = 0 then now() + g * interval '1 second' else null end"
                        + " from generate_series(1, 300000) g");
                sql.execute("analyze sla_clock");

                String earliest = plan(sql, "select alarm_at from sla_clock where alarm_at is not null"
                        + " order by alarm_at limit 1");
                assertTrue(earliest.contains("sla_clock_alarm"), earliest);
                assertFalse(earliest.contains("Seq Scan"), earliest);
                String due = plan(sql, "select id from sla_clock where alarm_at <= now() + interval '10 seconds'"
                        + " order by alarm_at, id limit 100");
                assertTrue(due.contains("sla_clock_alarm"), due);
                assertFalse(due.contains("Seq Scan"), due);

                try (ResultSet first = sql.executeQuery("select id from sla_clock where alarm_at is not null"
                        + " order by alarm_at limit 1")) {
                    assertTrue(first.next());
                    assertEquals(10, first.getLong(1));
                }
            }
        }
    }

    private static String plan(Statement sql, String query) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain " + query)) {
            while (rows.next()) {
                text.append(rows.getString(1)).append('\n');
            }
        }
        return text.toString();
    }
}
