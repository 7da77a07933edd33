package org.custodian.it;

import static org.custodian.it.ApiAssertions.PROBLEM_JSON;
import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.TestData.createCustomer;
import static org.custodian.it.TestData.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The hash-chained audit trail under tampering and failure, black-box over HTTP: an altered or deleted event is
 * found at its sequence, a rolled-back write leaves no event and a failed append fails the write, and the
 * audit-verify batch job runs to completion with its step metrics and reports the first broken link. Every change
 * to the database is put back before the test ends.
 */
class AuditTrailIT extends DeployedWar {

    // ---------------------------------------------------------------- audit

    @Test
    void detectsAlteredAndDeletedAuditEventsAtTheRightSequence() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long ticketId = createTicket(api, agent, createCustomer(api, agent, "EU"), "Audit target");
        String auditor = api.token("auditor");
        JsonObject ok = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", ok.getString("status"), ok.toString());
        assertTrue(ok.getJsonNumber("events").longValue() > 0);
        assertProblem(api.get("api/v1/audit/verify", agent), 403);

        long sequence = Sql.longValue("select sequence from audit_event where action = 'TICKET_CREATE'"
                + " and resource_id = ?", String.valueOf(ticketId));
        String actor = Sql.text("select actor from audit_event where sequence = ?", sequence);
        try {
            assertEquals(1, Sql.update("update audit_event set actor = 'mallory' where sequence = ?", sequence));
            JsonObject broken = api.get("api/v1/audit/verify", auditor).json();
            assertEquals("BROKEN", broken.getString("status"), broken.toString());
            assertEquals(sequence, broken.getJsonNumber("firstBadSequence").longValue());
        } finally {
            Sql.update("update audit_event set actor = ? where sequence = ?", actor, sequence);
        }
        assertEquals("OK", api.get("api/v1/audit/verify", auditor).json().getString("status"));

        try {
            Sql.script("create table it_saved_event as select * from audit_event where sequence = " + sequence,
                    "delete from audit_event where sequence = " + sequence);
            JsonObject broken = api.get("api/v1/audit/verify", auditor).json();
            assertEquals("BROKEN", broken.getString("status"));
            assertEquals(sequence, broken.getJsonNumber("firstBadSequence").longValue(), "a deleted event leaves a gap");
        } finally {
            Sql.script("insert into audit_event select * from it_saved_event", "drop table it_saved_event");
        }
        assertEquals("OK", api.get("api/v1/audit/verify", auditor).json().getString("status"));
    }

    @Test
    void aRolledBackWriteLeavesNoEventAndAFailedAppendFailsTheWrite() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long ticketId = createTicket(api, agent, createCustomer(api, agent, "EU"), "Atomic subject");
        String id = String.valueOf(ticketId);
        long eventsBefore = Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE'"
                + " and resource_id = ?", id);

        // the database refuses the ticket change when it is written, after the audit event was appended
        Sql.script("create or replace function it_reject_ticket() returns trigger as $$ begin"
                + " if new.subject = 'Rejected by the database' then raise exception 'rejected by test trigger';"
                + " end if; return new; end $$ language plpgsql",
                "create trigger it_reject_ticket before update on ticket for each row execute function it_reject_ticket()");
        try {
            Reply refused = api.patch("api/v1/tickets/" + ticketId, agent, "{\"subject\":\"Rejected by the database\"}");
            assertEquals(500, refused.status(), refused.toString());
            assertEquals(PROBLEM_JSON, refused.contentType().split(";")[0]);
        } finally {
            Sql.script("drop trigger it_reject_ticket on ticket", "drop function it_reject_ticket()");
        }
        assertEquals(eventsBefore, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE'"
                + " and resource_id = ?", id), "the rolled-back update left no event");
        assertEquals("Atomic subject", Sql.text("select subject from ticket where id = ?", ticketId));

        // the audit append itself fails (its pending event cannot be stored): the ticket change must not survive
        Sql.script("create or replace function it_reject_audit() returns trigger as $$ begin"
                + " if new.action = 'TICKET_UPDATE' and new.resource_id = '" + ticketId + "' then"
                + " raise exception 'audit store refused'; end if; return new; end $$ language plpgsql",
                "create trigger it_reject_audit before insert on audit_pending for each row execute function it_reject_audit()");
        try {
            Reply refused = api.patch("api/v1/tickets/" + ticketId, agent, "{\"subject\":\"Changed without a trace\"}");
            assertEquals(500, refused.status(), refused.toString());
        } finally {
            Sql.script("drop trigger it_reject_audit on audit_pending", "drop function it_reject_audit()");
        }
        assertEquals("Atomic subject", Sql.text("select subject from ticket where id = ?", ticketId));
        assertEquals(0, Sql.longValue("select count(*) from audit_pending"));
        assertEquals("OK", api.get("api/v1/audit/verify", api.token("auditor")).json().getString("status"),
                "no sequence was lost to the rolled-back transactions");

        // chaining fails after the commit (the trail's table refuses the row): change and event are committed;
        // the event waits, pending and reported by /health, and is chained once the table takes it again
        Sql.script("create or replace function it_reject_chaining() returns trigger as $$ begin"
                + " if new.action = 'TICKET_UPDATE' and new.resource_id = '" + ticketId + "' then"
                + " raise exception 'trail refused'; end if; return new; end $$ language plpgsql",
                "create trigger it_reject_chaining before insert on audit_event for each row execute function it_reject_chaining()");
        try {
            Reply changed = api.patch("api/v1/tickets/" + ticketId, agent, "{\"subject\":\"Chained later\"}");
            assertEquals(200, changed.status(), changed.toString());
            assertEquals(1, Sql.longValue("select count(*) from audit_pending where action = 'TICKET_UPDATE'"
                    + " and resource_id = ?", id));
            assertTrue(Long.parseLong(api.health("database").getString("auditPending")) >= 1);
        } finally {
            Sql.script("drop trigger it_reject_chaining on audit_event", "drop function it_reject_chaining()");
        }
        // the sweeper's timer (every CUSTODIAN_AUDIT_SEQUENCER_INTERVAL) or the next commit chains it
        long deadline = System.currentTimeMillis() + 20_000;
        while (Sql.longValue("select count(*) from audit_pending") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, Sql.longValue("select count(*) from audit_pending"));
        assertEquals(eventsBefore + 1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE'"
                + " and resource_id = ?", id), "the committed change's event is in the trail, once");
        assertEquals(0, Long.parseLong(api.health("database").getString("auditPending")));
        assertEquals("OK", api.get("api/v1/audit/verify", api.token("auditor")).json().getString("status"));
        // the health checks' numbers are gauges too, for alerting
        Reply metrics = api.get("metrics", null);
        assertEquals(200, metrics.status(), metrics.toString());
        assertTrue(metrics.body().contains("custodian_audit_pending"), metrics.body());
        assertTrue(metrics.body().contains("custodian_siem_backlog"), metrics.body());
    }

    @Test
    void aReadIsAnsweredOnlyOnceItsEventIsInTheTrail() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long ticketId = createTicket(api, agent, createCustomer(api, agent, "EU"), "Held read subject");
        String id = String.valueOf(ticketId);
        String reads = "select count(*) from audit_event where action = 'TICKET_READ' and resource_id = ?";
        long before = Sql.longValue(reads, id);

        // a read writes no pending row: its event is held until its (read-only) transaction commits, then chained
        try (AutoCloseable refused = refuseInserts("audit_pending", "it_reject_pending_read",
                "new.action = 'TICKET_READ'")) {
            Reply read = api.get("api/v1/tickets/" + ticketId, agent);
            assertEquals(200, read.status(), read.toString());
            assertEquals(before + 1, Sql.longValue(reads, id), "chained before the answer");
        }

        // the trail refuses the read's event: the answer is a 503 problem, not the ticket
        try (AutoCloseable refused = refuseInserts("audit_event", "it_reject_read",
                "new.action = 'TICKET_READ' and new.resource_id = '" + id + "'")) {
            Reply refusedRead = api.get("api/v1/tickets/" + ticketId, agent);
            assertProblem(refusedRead, 503);
            assertTrue(!refusedRead.body().contains("Held read subject"), refusedRead.body());
            assertEquals("5", refusedRead.header("Retry-After").orElse(null));
            assertEquals(before + 1, Sql.longValue(reads, id));
        }

        // a pending event the trail refuses does not take the reads down with it
        try (AutoCloseable refused = refuseInserts("audit_event", "it_reject_update",
                "new.action = 'TICKET_UPDATE' and new.resource_id = '" + id + "'")) {
            assertEquals(200, api.patch("api/v1/tickets/" + ticketId, agent, "{\"subject\":\"Still held\"}").status());
            Reply read = api.get("api/v1/tickets/" + ticketId, agent);
            assertEquals(200, read.status(), read.toString());
            assertEquals("Still held", read.json().getString("subject"));
            assertEquals(before + 2, Sql.longValue(reads, id));
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (Sql.longValue("select count(*) from audit_pending") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, Sql.longValue("select count(*) from audit_pending"));
        assertEquals("OK", api.get("api/v1/audit/verify", api.token("auditor")).json().getString("status"));
    }

    /** The database refuses inserts into {@code table} where {@code condition} holds, until closed. */
    private static AutoCloseable refuseInserts(String table, String name, String condition) throws Exception {
        Sql.script("create or replace function " + name + "() returns trigger as $$ begin if " + condition
                + " then raise exception 'refused by " + name + "'; end if; return new; end $$ language plpgsql");
        ddl("create trigger " + name + " before insert on " + table + " for each row execute function " + name
                + "()");
        return () -> {
            ddl("drop trigger " + name + " on " + table);
            Sql.script("drop function " + name + "()");
        };
    }

    /**
     * DDL on a table the running application reads: a timer's transaction that already holds a lock on it (the
     * anomaly scan reads the trail on a second connection too) would queue behind the DDL's lock and wait for it
     * forever, so the DDL waits at most a second and is tried again.
     */
    private static void ddl(String statement) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                Sql.script("set lock_timeout = '1s'", statement);
                return;
            } catch (SQLException e) {
                if (attempt == 30 || !"55P03".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- batch

    @Test
    void runsTheAuditVerifyJobToCompletionWithMetrics() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        long headBefore = Sql.longValue("select last_sequence from audit_chain_head");

        Reply started = api.post("api/v1/jobs/audit-verify", operator, "{\"itemCount\": 5}");
        assertEquals(202, started.status(), started.toString());
        long executionId = started.json().getJsonNumber("executionId").longValue();
        assertTrue(started.header("Location").orElseThrow().endsWith("/api/v1/jobs/executions/" + executionId));

        JsonObject execution = api.awaitJob(operator, executionId);
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        JsonObject step = execution.getJsonArray("steps").getJsonObject(0);
        assertEquals("verify-chain", step.getString("name"));
        JsonObject metrics = step.getJsonObject("metrics");
        long read = metrics.getJsonNumber("READ_COUNT").longValue();
        assertTrue(read >= headBefore && read <= headBefore + 2, "read " + read + ", head was " + headBefore);
        assertEquals(read, metrics.getJsonNumber("FILTER_COUNT").longValue(), "every link intact");
        assertEquals(0, metrics.getJsonNumber("WRITE_COUNT").longValue());
        assertEquals(0, metrics.getJsonNumber("ROLLBACK_COUNT").longValue());
        assertTrue(metrics.getJsonNumber("COMMIT_COUNT").longValue() >= (read + 4) / 5, metrics.toString());
        assertEquals("OK events=" + read, execution.getString("exitStatus"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'JOB_END'"
                + " and resource_id = ?", "audit-verify/" + executionId));

        assertEquals(200, api.get("api/v1/jobs/executions/" + executionId, api.token("auditor")).status());
        assertProblem(api.post("api/v1/jobs/audit-verify", api.token("agent.eu"), "{}"), 403);
        assertProblem(api.post("api/v1/jobs/no-such-job", operator, "{}"), 404);
        assertProblem(api.get("api/v1/jobs/executions/987654321", operator), 404);
        assertViolation(api.post("api/v1/jobs/audit-verify", operator, "{\"itemCount\": \"many\"}"), "itemCount");
        assertViolation(api.post("api/v1/jobs/audit-verify", operator, "{\"color\": \"blue\"}"), "color");
    }

    @Test
    void theAuditVerifyJobReportsTheFirstBrokenLink() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        long sequence = Sql.longValue("select max(sequence) - 2 from audit_event");
        String action = Sql.text("select action from audit_event where sequence = ?", sequence);
        JsonObject execution;
        try {
            Sql.update("update audit_event set action = 'FORGED' where sequence = ?", sequence);
            Reply started = api.post("api/v1/jobs/audit-verify", operator, null);
            assertEquals(202, started.status(), started.toString());
            execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        } finally {
            Sql.update("update audit_event set action = ? where sequence = ?", action, sequence);
        }
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        assertEquals("BROKEN firstBadSequence=" + sequence, execution.getString("exitStatus"));
        JsonObject metrics = execution.getJsonArray("steps").getJsonObject(0).getJsonObject("metrics");
        assertEquals(1, metrics.getJsonNumber("WRITE_COUNT").longValue(), metrics.toString());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'AUDIT_CHAIN_BROKEN'"
                + " and resource_id = ?", String.valueOf(sequence)));
    }
}
