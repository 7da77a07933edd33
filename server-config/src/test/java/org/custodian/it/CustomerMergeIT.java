package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.LegalHolds.hold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Merging duplicate customer records (#23, 003 M3.4): everything of the duplicate moves to the survivor in one
 * transaction, the duplicate answers as a tombstone, consent keeps the most protective state, the survivor's access
 * package carries the duplicate's history, erasure, restriction and holds reach both records, bad merges are
 * refused with problems; and the merge from the customer page in a browser. Every test makes its own customers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerMergeIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Taken before the browser test enrolls these users' second factor (then the API would ask for a code). */
    private static String supervisor;
    private static String privacy;

    @AfterAll
    static void forgetFactors() throws Exception {
        for (String user : List.of("supervisor", "privacy")) {
            Sql.update("delete from user_second_factor where username = ?", user);
        }
    }

    private Api tokens() {
        Api api = api();
        if (supervisor == null) {
            supervisor = api.token("supervisor");
            privacy = api.token("privacy");
        }
        return api;
    }

    @Test
    @Order(1)
    void aMergeMovesTicketsCommentsConsentsRequestsAndHoldsAndLeavesATombstone() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long survivor = customer(api, agent, "Survivor", "EU");
        long duplicate = customer(api, agent, "Duplicate", "EU");
        long ticket = ticket(api, agent, duplicate, "Printer jams");
        assertEquals(201, api.post("api/v1/tickets/" + ticket + "/comments", agent,
                "{\"body\":\"Called back\",\"visibility\":\"PUBLIC\"}").status());
        long otherTicket = ticket(api, agent, survivor, "Invoice wrong");
        // QA_REVIEW: the duplicate withdrew, the survivor gave later; AI_ROUTING only the duplicate gave
        consent(api, agent, duplicate, "QA_REVIEW", true);
        consent(api, agent, duplicate, "QA_REVIEW", false);
        consent(api, agent, survivor, "QA_REVIEW", true);
        consent(api, agent, duplicate, "AI_ROUTING", true);
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                + duplicate + "}").json().getJsonNumber("id").longValue();
        long hold = hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + duplicate
                + ",\"reason\":\"Billing dispute with the customer\",\"authority\":\"Case " + RUN + "\"}");
        List<String> historyBefore = Sql.texts("select hash from audit_event where resource_type = 'CUSTOMER' and"
                + " resource_id = ? order by sequence", String.valueOf(duplicate));
        long lastBefore = Sql.longValue("select max(sequence) from audit_event");

        Reply merged = merge(api, supervisor, survivor, duplicate, "Same person: same address, confirmed by phone");
        assertEquals(200, merged.status(), merged.toString());
        JsonObject result = merged.json();
        assertEquals(1, result.getInt("tickets"), result.toString());
        assertEquals(1, result.getInt("comments"));
        assertEquals(3, result.getInt("consents"));
        assertEquals(1, result.getInt("consentsWithdrawn"), "the duplicate's withdrawal wins over a later consent");
        assertEquals(1, result.getInt("requests"));
        assertEquals(1, result.getInt("holds"));

        assertEquals(survivor, api.get("api/v1/tickets/" + ticket, agent).json().getJsonNumber("customerId")
                .longValue(), "the ticket moved");
        assertEquals(survivor, Sql.longValue("select customer_id from ticket where id = ?", otherTicket));
        assertEquals(1, Sql.longValue("select count(*) from ticket_comment where ticket_id = ?", ticket),
                "its comment went with it");
        JsonObject consents = api.get("api/v1/customers/" + survivor + "/consents", agent).json();
        assertFalse(consents.getJsonObject("inForce").getBoolean("QA_REVIEW"), consents.toString());
        assertTrue(consents.getJsonObject("inForce").getBoolean("AI_ROUTING"), consents.toString());
        assertEquals(3, Sql.longValue("select count(*) from consent_record where customer_id = ?", duplicate),
                "consent records are append-only: the duplicate keeps its statements");
        assertEquals(5, Sql.longValue("select count(*) from consent_record where customer_id = ?", survivor),
                "its own, the three copied, and the withdrawal that keeps QA_REVIEW withdrawn");
        assertTrue(api.get("api/v1/privacy/requests/" + request, privacy).json().getJsonArray("subjectCustomerIds")
                .toString().contains(String.valueOf(survivor)), "the request names the survivor");
        assertEquals(survivor, Sql.longValue("select customer_id from legal_hold where id = ?", hold));

        // the tombstone answers where it went and nothing personal
        Reply tombstone = api.get("api/v1/customers/" + duplicate, agent);
        assertEquals(200, tombstone.status(), tombstone.toString());
        assertEquals(survivor, tombstone.json().getJsonNumber("mergedInto").longValue());
        assertFalse(tombstone.json().containsKey("name"), tombstone.toString());
        assertNotNull(tombstone.json().getString("mergedAt"));
        assertEquals(200, api.get("api/v1/customers/" + survivor, agent).status());

        // audit events are never rewritten: the duplicate's stay under its id, the merge adds new ones
        assertEquals(historyBefore, Sql.texts("select hash from audit_event where resource_type = 'CUSTOMER' and"
                + " resource_id = ? and sequence <= ? order by sequence", String.valueOf(duplicate), lastBefore));
        String fields = Sql.text("select fields from audit_event where action = 'CUSTOMER_MERGED' and resource_id = ?",
                String.valueOf(duplicate));
        assertTrue(fields.contains("into=" + survivor) && fields.contains("reason=Same person"), fields);
        assertTrue(Sql.text("select fields from audit_event where action = 'CUSTOMER_MERGED' and resource_id = ?",
                String.valueOf(survivor)).contains("from=" + duplicate));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_CREATE' and"
                + " resource_id = ?", String.valueOf(duplicate)), "the duplicate's creation stays under its id");

        // nothing new is added to a tombstone; it cannot be merged again, nor be merged into
        assertViolation(api.post("api/v1/tickets", agent, Json.createObjectBuilder().add("customerId", duplicate)
                .add("subject", "Again").add("description", "x").add("category", "BILLING").build().toString()),
                "customerId");
        assertViolation(api.post("api/v1/customers/" + duplicate + "/consents", agent, "{\"purpose\":\"QA_REVIEW\","
                + "\"given\":true,\"source\":\"form\",\"textVersion\":\"qa-1\"}"), "customerId");
        assertProblem(merge(api, supervisor, survivor, duplicate, "again"), 409);
        long third = customer(api, agent, "Third", "EU");
        Reply intoTombstone = merge(api, supervisor, duplicate, third, "wrong way round");
        assertProblem(intoTombstone, 409);
        assertTrue(intoTombstone.json().getString("detail").contains("customer " + survivor), intoTombstone.toString());
        // a hold asked for the tombstone lands on the survivor, where its tickets are
        long later = hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + duplicate
                + ",\"reason\":\"Second billing dispute, same customer\",\"authority\":\"Case " + RUN + "b\"}");
        assertEquals(survivor, Sql.longValue("select customer_id from legal_hold where id = ?", later));
        for (long id : List.of(hold, later)) {
            assertEquals(200, api.post("api/v1/legal-holds/" + id + "/release", privacy,
                    "{\"reason\":\"Dispute settled by agreement\"}").status());
        }
    }

    @Test
    @Order(2)
    void badMergesAreRefusedWithProblems() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long eu = customer(api, agent, "Refusals", "EU");
        long other = customer(api, agent, "Refusals other", "EU");
        long us = customer(api, api.token("agent.us"), "Refusals US", "US");

        assertViolation(merge(api, supervisor, eu, eu, "itself"), "duplicateId");
        assertViolation(api.post("api/v1/customers/" + eu + "/merge", supervisor, "{\"duplicateId\":" + other + "}"),
                "reason");
        assertViolation(merge(api, supervisor, eu, other, "   "), "reason");
        assertViolation(api.post("api/v1/customers/" + eu + "/merge", supervisor, "{\"reason\":\"x\"}"),
                "duplicateId");
        assertViolation(api.post("api/v1/customers/" + eu + "/merge", supervisor, "{\"duplicateId\":\"seven\","
                + "\"reason\":\"x\"}"), "duplicateId");
        assertViolation(api.post("api/v1/customers/" + eu + "/merge", supervisor, "{\"duplicateId\":" + other
                + ",\"reason\":\"x\",\"force\":true}"), "force");
        assertViolation(merge(api, supervisor, eu, other, "x".repeat(501)), "reason");
        assertProblem(merge(api, supervisor, eu, 99_999_999L, "unknown"), 404);
        assertProblem(merge(api, agent, eu, other, "agents may not merge"), 403);
        assertProblem(merge(api, api.token("auditor"), eu, other, "nor auditors"), 403);
        Reply otherRegion = merge(api, supervisor, eu, us, "a US record, outside the supervisor's regions");
        assertProblem(otherRegion, 403);
        assertTrue(otherRegion.json().getString("detail").contains("region"), otherRegion.toString());

        // an open erasure about either record: carry it out or reject it first
        long erasure = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ERASURE\",\"customerId\":" + other
                + "}").json().getJsonNumber("id").longValue();
        Reply open = merge(api, privacy, eu, other, "erasure pending");
        assertProblem(open, 409);
        assertTrue(open.json().getString("detail").contains(String.valueOf(erasure)), open.toString());
        api.post("api/v1/privacy/requests/" + erasure + "/reject", privacy, "{\"reason\":\"identity not proven\"}");
        // an erased record takes no part
        long erased = customer(api, agent, "Erased", "EU");
        eraseAll(api, erased);
        assertProblem(merge(api, privacy, eu, erased, "erased"), 409);
        assertProblem(merge(api, privacy, erased, eu, "erased"), 409);
        // none of the refusals changed anything
        assertEquals(0, Sql.longValue("select count(*) from customer where id in (?, ?, ?) and merged_into is not"
                + " null", eu, other, us));
        // a privacy officer may merge across regions (not bound to one): the refused pair is merged now
        assertEquals(200, merge(api, privacy, eu, other, "Confirmed by the subject").status());
    }

    @Test
    @Order(3)
    void theSurvivorsAccessPackageHoldsTheDuplicatesRecordAndHistory() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long survivor = customer(api, agent, "Package survivor", "EU");
        long duplicate = customer(api, agent, "Package duplicate", "EU");
        long ticket = ticket(api, agent, duplicate, "Package ticket " + RUN);
        assertEquals(200, api.get("api/v1/customers/" + duplicate, agent).status()); // a read under its id
        assertEquals(200, merge(api, supervisor, survivor, duplicate, "Same person").status());

        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                + survivor + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        Reply started = api.post("api/v1/privacy/requests/" + request + "/package", privacy, "{}");
        assertEquals(202, started.status(), started.toString());
        JsonObject data = packageData(api, request, started.json().getString("downloadUrl"));
        Set<Long> records = new TreeSet<>();
        data.getJsonArray("customerRecords").forEach(r -> records.add(r.asJsonObject().getJsonNumber("id")
                .longValue()));
        assertEquals(Set.of(survivor, duplicate), records, "the tombstone's record is the subject's too");
        assertTrue(data.getJsonArray("tickets").stream().anyMatch(t -> t.asJsonObject().getJsonNumber("id")
                .longValue() == ticket), "the moved ticket is there");
        List<JsonObject> underDuplicate = data.getJsonArray("accessLog").stream().map(JsonValue::asJsonObject)
                .filter(e -> "CUSTOMER".equals(e.getString("resourceType", ""))
                        && String.valueOf(duplicate).equals(e.getString("resourceId", ""))).toList();
        assertTrue(underDuplicate.stream().anyMatch(e -> "CUSTOMER_READ".equals(e.getString("action"))),
                "the read recorded under the duplicate's id before the merge: " + underDuplicate);
    }

    @Test
    @Order(4)
    void erasureRestrictionAndHoldsReachBothRecords() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long survivor = customer(api, agent, "Erase survivor", "EU");
        long duplicate = customer(api, agent, "Erase duplicate", "EU");
        long ticket = ticket(api, agent, duplicate, "Erase ticket " + RUN);
        assertEquals(200, merge(api, supervisor, survivor, duplicate, "Same person").status());

        // a restriction asked for the tombstone restricts the survivor, where the data now is
        long restriction = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"RESTRICTION\",\"customerId\":"
                + duplicate + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + restriction + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + restriction + "/start", privacy, "{}");
        assertEquals(200, api.post("api/v1/privacy/requests/" + restriction + "/restrict", privacy, "{}").status());
        assertProblem(api.get("api/v1/customers/" + survivor, agent), 403);
        assertProblem(api.get("api/v1/tickets/" + ticket, agent), 403);
        assertEquals(200, api.post("api/v1/privacy/requests/" + restriction + "/lift", privacy,
                "{\"reason\":\"Subject agreed\"}").status());
        assertEquals(200, api.get("api/v1/customers/" + survivor, agent).status());

        // a hold on the survivor blocks an erasure asked for the tombstone
        long hold = hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + survivor
                + ",\"reason\":\"Litigation about a faulty device\",\"authority\":\"Court " + RUN + "\"}");
        long erasure = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ERASURE\",\"customerId\":"
                + duplicate + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + erasure + "/verify", privacy, "{\"method\":\"ID card\"}");
        JsonObject blocked = api.post("api/v1/privacy/requests/" + erasure + "/start", privacy, "{}").json();
        assertEquals("BLOCKED_BY_HOLD", blocked.getString("status"), blocked.toString());
        assertEquals(hold, blocked.getJsonNumber("blockingHoldId").longValue());
        assertEquals(200, api.post("api/v1/legal-holds/" + hold + "/release", privacy,
                "{\"reason\":\"Litigation settled out of court\"}").status());
        assertEquals("IN_PROGRESS", api.post("api/v1/privacy/requests/" + erasure + "/start", privacy, "{}").json()
                .getString("status"));
        JsonObject erased = api.post("api/v1/privacy/requests/" + erasure + "/erase", privacy, "{}").json();
        assertEquals("COMPLETED", erased.getString("status"), erased.toString());
        assertEquals(2, Sql.longValue("select count(*) from customer where id in (?, ?) and erased_at is not null",
                survivor, duplicate), "erasing via the tombstone erases both records");
        assertEquals("[erased]", Sql.text("select name from customer where id = ?", duplicate));
        assertFalse(Sql.text("select subject from ticket where id = ?", ticket).contains("Erase ticket"),
                "the moved ticket is erased with the survivor");
    }

    @Test
    @Order(5)
    void aRestrictionMadeBeforeTheMergeCoversBothAfterIt() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long survivor = customer(api, agent, "Restricted survivor", "EU");
        long duplicate = customer(api, agent, "Restricted duplicate", "EU");
        long ticket = ticket(api, agent, duplicate, "Restricted ticket " + RUN);
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"RESTRICTION\",\"customerId\":"
                + duplicate + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        api.post("api/v1/privacy/requests/" + request + "/restrict", privacy, "{}");
        // the supervisor may not even see the restricted record; the privacy officer merges
        assertProblem(merge(api, supervisor, survivor, duplicate, "Same person"), 403);
        JsonObject merged = merge(api, privacy, survivor, duplicate, "Same person").json();
        assertEquals(1, merged.getInt("restrictions"), merged.toString());
        assertProblem(api.get("api/v1/tickets/" + ticket, agent), 403);
        assertProblem(api.get("api/v1/customers/" + survivor, agent), 403);
        assertEquals(2, api.get("api/v1/privacy/requests/" + request + "/restrictions", privacy).array().size(),
                "lifting the request lifts both");
    }

    @Test
    @Order(6)
    void aSupervisorMergesADuplicateFromTheCustomerPage() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long survivor = customer(api, agent, "Page survivor", "EU");
        long duplicate = customer(api, agent, "Page duplicate", "EU");
        long ticket = ticket(api, agent, duplicate, "Page ticket " + RUN);
        BROWSER.base(base.toString());

        // an agent sees no merge section
        BROWSER.signIn("agent.eu");
        BROWSER.open("/customer.xhtml?id=" + survivor);
        BROWSER.byId("customer");
        assertTrue(BROWSER.driver().findElements(By.id("merge:submit")).isEmpty(), "agents may not merge");
        BROWSER.reset();

        signInAndEnroll("supervisor");
        BROWSER.open("/customer.xhtml?id=" + survivor);
        BROWSER.byId("merge:submit");
        screenshotOf("merge-section", "customer-merge");
        // the reason and the confirmation are required; nothing is merged without them
        BROWSER.type("merge:duplicateId", String.valueOf(duplicate));
        BROWSER.submit("merge:submit");
        assertTrue(BROWSER.driver().getPageSource().contains("Say why both records are the same person"),
                "the reason is asked for in words");
        BROWSER.type("merge:reason", "Same person, two e-mail addresses");
        BROWSER.submit("merge:submit");
        assertTrue(BROWSER.driver().getPageSource().contains("Tick the box to confirm"));
        screenshotOf("merge-section", "customer-merge-refused");
        assertEquals(0, Sql.longValue("select count(*) from customer where id = ? and merged_into is not null",
                duplicate));
        BROWSER.type("merge:reason", "Same person, two e-mail addresses");
        BROWSER.byId("merge:confirmed").click();
        BROWSER.submit("merge:submit");
        assertEquals("/customer.xhtml?id=" + survivor, BROWSER.path(), "post-redirect-get to the survivor");
        assertTrue(BROWSER.byId("messages").getText().contains("was merged into customer " + survivor),
                BROWSER.byId("messages").getText());
        assertEquals(survivor, Sql.longValue("select merged_into from customer where id = ?", duplicate));
        assertEquals(survivor, Sql.longValue("select customer_id from ticket where id = ?", ticket));
        BROWSER.screenshot("customer-merge-done");
        BROWSER.driver().navigate().refresh();
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_MERGED' and"
                + " resource_id in (?, ?)", String.valueOf(survivor), String.valueOf(duplicate)),
                "a reload merges nothing again");

        // the tombstone's page says where it went, with a link there
        BROWSER.open("/customer.xhtml?id=" + duplicate);
        assertTrue(BROWSER.byId("tombstone").getText().contains("was merged"), BROWSER.byId("tombstone").getText());
        assertTrue(BROWSER.driver().findElements(By.id("customer")).isEmpty(), "no fields of a tombstone");
        assertTrue(BROWSER.driver().findElements(By.id("merge:submit")).isEmpty(), "nothing merges into it");
        BROWSER.screenshot("customer-merge-tombstone");
        BROWSER.byId("survivor").click();
        BROWSER.await(driver -> BROWSER.path().equals("/customer.xhtml?id=" + survivor));
        BROWSER.reset();

        // the privacy officer's register: phone field, and the access package of a started ACCESS request
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                + survivor + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        signInAndEnroll("privacy");
        BROWSER.open("/admin/privacy.xhtml");
        String phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8000));
        BROWSER.type("newRequest:phone", phone);
        screenshotOf("newRequest", "privacy-register-phone");
        BROWSER.submit("newRequest:submit");
        assertEquals(1, Sql.longValue("select count(*) from privacy_request where subject_phone = ?", phone),
                "the phone is registered with the request");
        String button = BROWSER.await(driver -> driver.findElements(By.cssSelector("#requests tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector(".request-id")).getText().equals(String.valueOf(request)))
                .findFirst().orElseThrow().findElement(By.cssSelector("button[id$='package:build']")))
                .getAttribute("id");
        BROWSER.submit(button);
        String link = BROWSER.byId("link").getText();
        assertTrue(link.contains("/api/v1/privacy/packages/"), link);
        assertEquals("/admin/privacy.xhtml", BROWSER.path(), "post-redirect-get: the link is not in the URL");
        BROWSER.screenshot("privacy-access-package");
        screenshotOf("requests", "privacy-access-package-button");
        assertEquals(1, Sql.longValue("select count(*) from subject_package where request_id = ?", request));
        BROWSER.driver().navigate().refresh();
        assertTrue(BROWSER.driver().findElements(By.id("link")).isEmpty(), "the link is shown once");
    }

    private static Reply merge(Api api, String token, long survivor, long duplicate, String reason) {
        return api.post("api/v1/customers/" + survivor + "/merge", token, Json.createObjectBuilder()
                .add("duplicateId", duplicate).add("reason", reason).build().toString());
    }

    private static long customer(Api api, String token, String name, String region) {
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder().add("name", name + " " + RUN)
                .add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long ticket(Api api, String token, long customerId, String subject) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", subject).add("description", "Merge test").add("category", "BILLING").build()
                .toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void consent(Api api, String token, long customerId, String purpose, boolean given)
            throws InterruptedException {
        assertEquals(201, api.post("api/v1/customers/" + customerId + "/consents", token, "{\"purpose\":\"" + purpose
                + "\",\"given\":" + given + ",\"source\":\"phone call\",\"textVersion\":\"v1\"}").status());
        Thread.sleep(5); // statements of one purpose in order of time
    }

    private static void eraseAll(Api api, long customerId) {
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ERASURE\",\"customerId\":"
                + customerId + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        assertEquals("COMPLETED", api.post("api/v1/privacy/requests/" + request + "/erase", privacy, "{}").json()
                .getString("status"));
    }

    private static JsonObject packageData(Api api, long request, String link) throws Exception {
        String status = "BUILDING";
        for (int i = 0; i < 240 && "BUILDING".equals(status); i++) {
            Thread.sleep(250);
            status = api.get("api/v1/privacy/requests/" + request + "/packages", privacy).array().getJsonObject(0)
                    .getString("status");
        }
        assertEquals("READY", status);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("subject-data.json")) {
                    return Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                            .readObject();
                }
            }
        }
        throw new AssertionError("no subject-data.json in the package");
    }

    /** The screenshot shows the section it is about, not only the top of a long page. */
    private static void screenshotOf(String elementId, String name) {
        BROWSER.driver().executeScript("arguments[0].scrollIntoView()", BROWSER.byId(elementId));
        BROWSER.screenshot(name);
    }

    /** First sign-in of a role that needs a second factor: enroll with the key shown, as PortalIT does. */
    private static void signInAndEnroll(String username) {
        BROWSER.signIn(username);
        if (BROWSER.path().startsWith("/enroll.xhtml")) {
            BROWSER.enrollSecondFactor();
        }
    }
}
