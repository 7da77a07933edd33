package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.custodian.it.ApiAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The pii-rescan job (#27) on records an older detector let through (planted in the database as such a version
 * would have stored them): a card number in a ticket's description and a password in a comment are redacted with
 * the ingest's rule and audited; a text attachment is flagged again; the same finding on a ticket under a legal hold
 * is reported and left as it is; a second run finds nothing new.
 */
class PiiRescanIT extends DeployedWar {

    private static final String CARD = "4111 1111 1111 1111";

    @Test
    void redactsWhatOlderDetectorsMissedAndReportsWhatAHoldKeeps() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String operator = api.token("operator");
        String marker = "Rescan" + UUID.randomUUID().toString().substring(0, 8);
        long customer = TestData.createCustomer(api, agent, "EU");
        long open = TestData.createTicket(api, agent, customer, marker + " open");
        long held = TestData.createTicket(api, agent, customer, marker + " held");
        Reply comment = api.post("api/v1/tickets/" + open + "/comments", agent,
                "{\"body\":\"Customer called back.\",\"visibility\":\"INTERNAL\"}");
        assertEquals(201, comment.status(), comment.toString());
        long commentId = comment.json().getJsonNumber("id").longValue();
        long attachment = uploadText(api, agent, open, "Order log line 1\nline 2\n");
        LegalHolds.hold(api, api.token("privacy"), "{\"scope\":\"TICKET\",\"ticketId\":" + held
                + ",\"reason\":\"Chargeback dispute\",\"authority\":\"Card network case 77\"}");

        // what an older detector version stored: the text as it came
        Sql.update("update ticket set description = ? where id in (?, ?)", "Paid with card " + CARD + " twice", open,
                held);
        Sql.update("update ticket_comment set body = ? where id = ?", "He said password: Winter2026!x", commentId);
        Sql.update("update attachment set pii_summary = 'none', flagged = false where id = ?", attachment);
        // the attachment's content itself holds a card number (written below the detector's notice)
        assertProblem(api.post("api/v1/jobs/pii-rescan", api.token("auditor"), "{}"), 403);

        JsonObject first = run(api, operator);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        String exit = first.getString("exitStatus");
        assertTrue(exit.matches("scanned=\\d+ bytes=\\d+ redacted=\\d+ kept=\\d+"), exit);

        String description = Sql.text("select description from ticket where id = ?", open);
        assertFalse(description.contains(CARD), description);
        assertTrue(Sql.text("select redacted_types from ticket where id = ?", open).contains("CREDIT_CARD"));
        assertFalse(Sql.text("select description_masked from ticket where id = ?", open).contains(CARD));
        String body = Sql.text("select body from ticket_comment where id = ?", commentId);
        assertFalse(body.contains("Winter2026!x"), body);
        assertEquals("true", Sql.text("select flagged::text from attachment where id = ?", attachment));
        // the held ticket keeps its text; the finding is reported
        assertTrue(Sql.text("select description from ticket where id = ?", held).contains(CARD));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_FOUND_KEPT' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", String.valueOf(held)));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_REDACTED' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", String.valueOf(open)));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_REDACTED' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", open + "/" + commentId));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_FLAGGED' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", String.valueOf(open)));
        // the agent reads the redacted text through the API
        String shown = api.get("api/v1/tickets/" + open, agent).json().getString("description");
        assertFalse(shown.contains(CARD), shown);

        // nothing new the second time: what was redacted does not match again, the held one is reported again
        JsonObject second = run(api, operator);
        assertEquals("COMPLETED", second.getString("status"), second.toString());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_REDACTED' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", String.valueOf(open)));
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'PII_FOUND_KEPT' and"
                + " resource_id = ? and actor = 'system:pii-rescan'", String.valueOf(held)));
    }

    private static JsonObject run(Api api, String operator) throws InterruptedException {
        Reply started = api.post("api/v1/jobs/pii-rescan", operator, "{\"itemCount\":\"3\"}");
        assertEquals(202, started.status(), started.toString());
        return api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
    }

    /** A text file with a card number; the upload flags it (the test then unflags it as an old version left it). */
    private static long uploadText(Api api, String token, long ticketId, String text) {
        String boundary = "----rescan" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"order.log\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + text + "card " + CARD + "\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = api.sendBytes("POST", "api/v1/tickets/" + ticketId + "/attachments", token,
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }
}
