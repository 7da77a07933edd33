package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The governance SLO timer itself (#25), which the other test servers switch off (CUSTODIAN_SLO_INTERVAL=PT0S): the
 * runnable jar on a database of its own with an interval of two seconds. A subject request past its deadline is the
 * missed objective; the timer, with nobody asking, evaluates it again and again and opens exactly one incident (one
 * ticket, one alert) for the stretch, however many times it finds the objective missed.
 */
class SloScheduleIT {

    private static final Duration BOOT = Duration.ofMinutes(10);
    private static final String OBJECTIVE = "privacy.requests-on-time";

    @Test
    void theTimerEvaluatesByItselfAndOpensOneIncidentForAMissedObjective() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "slo-schedule"));
        String database = "slo_schedule_" + Long.toHexString(System.nanoTime());
        try (Connection sql = EmbeddedPostgresSession.connect(); Statement statement = sql.createStatement()) {
            statement.execute("create database " + database);
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("CUSTODIAN_DB_URL", "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port")
                + "/" + database);
        environment.put("CUSTODIAN_DB_USER", "postgres");
        environment.put("CUSTODIAN_DB_PASSWORD", "postgres");
        environment.put("CUSTODIAN_DATA_DIR", work.resolve("data-" + UUID.randomUUID()).toString());
        environment.put("CUSTODIAN_DEMO_SEED", "true");
        environment.put("CUSTODIAN_DEMO_PASSWORD", Api.DEMO_PASSWORD);
        environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "when-enrolled");
        environment.put("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", work.resolve("backups").toString());
        environment.put("CUSTODIAN_SLO_INTERVAL", "PT2S");
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                    + tail(server));
            Api api = new Api(server.url());
            String privacy = api.token("privacy");
            Reply late = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"email\":\"late-"
                    + UUID.randomUUID() + "@example.org\",\"receivedAt\":\"" + Instant.now().minus(Duration.ofDays(40))
                    .truncatedTo(ChronoUnit.SECONDS) + "\"}");
            assertEquals(201, late.status(), late.toString());

            // nobody asks for an evaluation: the timer finds the objective missed, and keeps finding it missed
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline) && count(database, "select count(*) from slo_evaluation where"
                    + " objective = '" + OBJECTIVE + "' and status = 'MISSED'") < 4) {
                Thread.sleep(500);
            }
            assertTrue(count(database, "select count(*) from slo_evaluation where objective = '" + OBJECTIVE
                    + "' and status = 'MISSED'") >= 4, () -> "the timer evaluated it again and again: " + tail(server));
            assertEquals(1, count(database, "select count(*) from ticket where category = 'GOVERNANCE' and subject"
                    + " like '%" + OBJECTIVE + "%'"), "one incident ticket for the stretch");
            assertEquals(1, count(database, "select count(*) from alert where rule = 'SLO_MISSED' and actor = 'slo:"
                    + OBJECTIVE + "'"), "one alert");
            assertEquals(1, count(database, "select count(distinct incident_ticket_id) from slo_evaluation where"
                    + " objective = '" + OBJECTIVE + "' and status = 'MISSED'"), "every evaluation names that ticket");
            assertEquals(0, count(database, "select count(*) from audit_event where action = 'SLO_EVALUATE' and"
                    + " actor <> 'system:governance-slo'"), "no one asked for an evaluation");
            assertTrue(count(database, "select count(*) from audit_event where action = 'SLO_EVALUATE' and actor ="
                    + " 'system:governance-slo'") >= 4, "the timer evaluated, in the trail");
            assertTrue(server.console().stream().noneMatch(line -> line.contains("Exception while loading the app")));
        }
    }

    private static long count(String database, String query) throws Exception {
        return RunnableServer.count(database, query);
    }

    private static String tail(RunnableServer server) {
        return server.tail();
    }
}
