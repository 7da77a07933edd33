package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Legacy import (#24) end to end: the FreeScout-like export in the test resources (quoted commas, line breaks in
 * bodies, a card number, a duplicate row, a bad e-mail) checked by a dry run, imported by the legacy-import job,
 * imported again (nothing changes), and a partitioned run that fails in one partition restarted without duplicates
 * or gaps. Each test imports
 * under a source of its own, so the external ids of one test are unknown to the others.
 */
class ImportIT extends DeployedWar {

    private static final String CARD = "4111 1111 1111 1111";

    private static String sample() throws IOException {
        try (InputStream in = ImportIT.class.getResourceAsStream("/import/freescout-export.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String source() {
        return "fs-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Reply upload(String token, String query, String contentType, String body) {
        return api().send("POST", "api/v1/imports?" + query, token, contentType, body);
    }

    /** Starts an import and waits for its execution to end; returns the import as GET shows it. */
    private JsonObject imported(String token, String query, String csv) throws Exception {
        Reply started = upload(token, query, "text/csv", csv);
        assertEquals(202, started.status(), started.toString());
        long id = started.json().getJsonNumber("id").longValue();
        assertTrue(started.header("Location").orElseThrow().endsWith("/api/v1/imports/" + id));
        long execution = started.json().getJsonObject("execution").getJsonNumber("executionId").longValue();
        api().awaitJob(token, execution);
        return importView(token, id);
    }

    private JsonObject importView(String token, long id) {
        Reply reply = api().get("api/v1/imports/" + id, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    @Test
    void dryRunReportsRowFieldAndProblemAndWritesNothing() throws Exception {
        String operator = api().token("operator");
        String source = source();
        long customers = Sql.longValue("select count(*) from customer");
        long uploads = Sql.longValue("select count(*) from import_upload");
        Reply reply = upload(operator, "source=" + source + "&dryRun=true", "text/csv; charset=utf-8", sample());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject report = reply.json();
        assertEquals(32, report.getInt("rows"), report.toString());
        assertEquals(28, report.getInt("valid"), report.toString());
        assertEquals(4, report.getInt("rejected"), report.toString());
        List<JsonObject> problems = report.getJsonArray("problems").getValuesAs(JsonObject.class);
        // Greg's three threads carry his malformed address; the sixth row repeats the fifth
        assertEquals(3, problems.stream().filter(p -> p.getString("field").equals("customer.email")).count());
        JsonObject duplicate = problems.stream().filter(p -> p.getString("field").equals("row")).findFirst()
                .orElseThrow();
        assertEquals(6, duplicate.getInt("row"));
        assertTrue(duplicate.getString("problem").contains("duplicates row 5"), duplicate.toString());
        assertTrue(duplicate.getInt("line") > 6, "the line counts the line breaks inside quoted bodies");
        assertFalse(report.toString().contains("greg.miller(at)"), "the report does not copy the value");
        assertEquals(customers, Sql.longValue("select count(*) from customer"));
        assertEquals(uploads, Sql.longValue("select count(*) from import_upload"));
        assertEquals(0, Sql.longValue("select count(*) from import_record where source = ?", source));
        // the policy decides: an agent imports nothing, not even a dry run
        assertProblem(upload(api().token("agent.eu"), "source=" + source + "&dryRun=true", "text/csv", sample()),
                403);
    }

    @Test
    void importRedactsRecordsLineageAndASecondRunChangesNothing() throws Exception {
        String operator = api().token("operator");
        String source = source();
        JsonObject first = imported(operator, "source=" + source, sample());
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        assertEquals(28, first.getInt("created"), first.toString());
        assertEquals(0, first.getInt("unchanged"));
        assertEquals(4, first.getInt("rejected"));
        assertEquals(0, first.getInt("pending"));
        assertTrue(first.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("field").equals("customer.email") && p.getInt("line") > 1),
                first.toString());
        long importId = first.getJsonNumber("id").longValue();
        // the staged file (with the card number in clear) is dropped once the import completed
        assertEquals(0, Sql.longValue("select length(content) from import_upload where id = ?", importId));
        // 12 conversations less Greg's; 8 customers less Greg; 32 threads less the duplicate, Greg's 3 and the 11
        // first threads (each became its ticket's description)
        assertEquals(11, Sql.longValue("select count(*) from import_record where source = ? and kind = 'TICKET'",
                source));
        assertEquals(7, Sql.longValue("select count(*) from import_record where source = ? and kind = 'CUSTOMER'",
                source));
        assertEquals(17, Sql.longValue("select count(*) from import_record where source = ? and record_type ="
                + " 'COMMENT'", source));
        long refund = Long.parseLong(Sql.text("select record_id::text from import_record where source = ? and"
                + " kind = 'TICKET' and external_id = '7009'", source));
        String description = Sql.text("select description from ticket where id = ?", refund);
        // PCI truncation: the first six and last four digits stay, the rest is masked before it is stored
        assertFalse(description.contains(CARD), description);
        assertTrue(description.contains("4111 11** **** 1111"), description);
        assertTrue(description.contains("parcel never came"), description);
        assertNotNull(Sql.text("select redacted_types from ticket where id = ?", refund));
        String created = Sql.text("select fields from audit_event where action = 'TICKET_CREATE' and resource_type"
                + " = 'TICKET' and resource_id = ?", String.valueOf(refund));
        assertTrue(created.contains("source=import") && created.contains("import=" + importId)
                && created.contains("externalId=7009") && created.contains("externalSource=" + source), created);
        assertTrue(created.matches(".*row=[0-9]+.*"), created);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_REDACTED' and"
                + " resource_type = 'TICKET' and resource_id = ?", String.valueOf(refund)));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where actor = 'system:legacy-import' and action ="
                + " 'CUSTOMER_CREATE' and fields like ? ", "%externalId=5001%externalSource=" + source + "%"));
        // the comments (stored in batches): each one's lineage names its row, and its audit event names the record
        assertEquals(17, Sql.longValue("select count(*) from import_record r join ticket_comment c on c.id ="
                + " r.record_id join audit_event e on e.action = 'COMMENT_CREATE' and e.resource_id = c.ticket_id"
                + " || '/' || c.id and e.fields like '%externalId=' || r.external_id || '%' where r.source = ? and"
                + " r.record_type = 'COMMENT' and r.import_id = ? and c.author = ?", source, importId,
                "import:" + source));
        long tickets = Sql.longValue("select count(*) from ticket");
        long comments = Sql.longValue("select count(*) from ticket_comment");

        JsonObject second = imported(operator, "source=" + source, sample());
        assertEquals("COMPLETED", second.getString("status"), second.toString());
        assertEquals(0, second.getInt("created"), second.toString());
        assertEquals(28, second.getInt("unchanged"));
        assertEquals(4, second.getInt("rejected"));
        assertEquals(tickets, Sql.longValue("select count(*) from ticket"));
        assertEquals(comments, Sql.longValue("select count(*) from ticket_comment"));

        // listed with every other job, through the catalogue
        Reply executions = api().get("api/v1/jobs/executions?limit=200", operator);
        assertTrue(executions.array().getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("jobName").equals("legacy-import")
                        && e.getString("exitStatus", "").equals("created=0 unchanged=28 rejected=4")),
                executions.toString());
    }

    @Test
    void aRunThatFailsMidwayRestartsWithoutDuplicates() throws Exception {
        String operator = api().token("operator");
        String source = source();
        String tag = source.substring(3);
        StringBuilder csv = new StringBuilder("Conversation ID,Conversation Number,Subject,Status,Mailbox,"
                + "Customer ID,Customer Name,Customer Email,Customer Phone,Conversation Created At,Thread ID,"
                + "Thread Type,Thread Created At,Body\n");
        for (int i = 1; i <= 700; i++) {
            csv.append(i).append(',').append(i).append(",Gen ").append(tag).append(' ').append(i)
                    .append(",active,Support,C").append(i % 50).append(",Person ").append(i % 50)
                    .append(",p").append(i % 50).append("@example.com,,2024-05-01 10:00:00,T").append(i)
                    .append(",customer,,\"Body of ").append(i).append(", with a comma\"\n");
        }
        // the database refuses the ticket of row 600: the chunk of its partition rolls back and the job fails; the
        // step is partitioned by customer (at least two partitions), so the other partitions' chunks commit
        Sql.update("create or replace function import_it_poison() returns trigger language plpgsql as"
                + " $$ begin if new.subject = 'Gen " + tag + " 600' then raise exception 'poisoned row';"
                + " end if; return new; end $$");
        Sql.update("create trigger import_it_poison before insert on ticket for each row execute function"
                + " import_it_poison()");
        JsonObject failed;
        try {
            failed = imported(operator, "source=" + source, csv.toString());
        } finally {
            Sql.update("drop trigger if exists import_it_poison on ticket");
        }
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        int createdBefore = failed.getInt("created");
        // the other partitions commit their chunks (unless the container ends them first): some, never all
        assertTrue(createdBefore >= 0 && createdBefore < 700, failed.toString());
        assertEquals(700 - createdBefore, failed.getInt("pending"), failed.toString());
        assertEquals(createdBefore, Sql.longValue("select count(*) from ticket where subject like ?",
                "Gen " + tag + " %"));
        long execution = failed.getJsonNumber("executionId").longValue();

        Reply restart = api().post("api/v1/jobs/executions/" + execution + "/restart", operator, null);
        assertEquals(202, restart.status(), restart.toString());
        api().awaitJob(operator, restart.json().getJsonNumber("executionId").longValue());
        JsonObject done = importView(operator, failed.getJsonNumber("id").longValue());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(700, done.getInt("created"), done.toString());
        // the restart read only the rows no committed chunk had recorded: none came back as unchanged
        assertEquals(0, done.getInt("unchanged"), done.toString());
        assertEquals(0, done.getInt("rejected"));
        assertEquals(700, Sql.longValue("select count(*) from ticket where subject like ?", "Gen " + tag + " %"));
        assertEquals(700, Sql.longValue("select count(distinct subject) from ticket where subject like ?",
                "Gen " + tag + " %"));
        assertEquals(50, Sql.longValue("select count(*) from import_record where source = ? and kind = 'CUSTOMER'",
                source));
        assertEquals(700, Sql.longValue("select count(*) from audit_event where action = 'TICKET_CREATE' and"
                + " fields like ?", "%externalSource=" + source + "%"));
    }

    @Test
    void aBadUploadIsAProblemAndStartsNothing() throws Exception {
        String operator = api().token("operator");
        long uploads = Sql.longValue("select count(*) from import_upload");
        String mapping = URLEncoder.encode("{\"ticket.colour\": \"Colour\", \"customer.name\": 7}",
                StandardCharsets.UTF_8);
        Reply badMapping = upload(operator, "source=fs-bad&mapping=" + mapping, "text/csv", sample());
        assertProblem(badMapping, 422);
        assertViolation(badMapping, "mapping.ticket.colour");
        assertViolation(badMapping, "mapping.ticket.externalId");
        String missing = URLEncoder.encode("{\"customer.externalId\": \"Id\", \"customer.name\": \"Name\","
                + " \"ticket.externalId\": \"Ticket\", \"ticket.subject\": \"Title\"}", StandardCharsets.UTF_8);
        assertViolation(upload(operator, "source=fs-bad&mapping=" + missing, "text/csv", sample()),
                "mapping.ticket.subject");
        assertViolation(upload(operator, "dryRun=true", "text/csv", sample()), "source");
        assertViolation(upload(operator, "source=fs-bad", "text/csv", "a,b\n1,\"open"), "body");
        assertProblem(upload(operator, "source=fs-bad", "text/plain", sample()), 415);
        assertProblem(api().get("api/v1/imports/987654321", operator), 404);
        assertEquals(uploads, Sql.longValue("select count(*) from import_upload"));
        assertTrue(JsonValue.ValueType.OBJECT == badMapping.json().getValueType());
    }
}
