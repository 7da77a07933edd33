package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The remaining GDPR obligations with deadlines (#25), end to end: an Art. 21 objection stops the purposes it names
 * (a chat transcript is refused and removed, a later consent to them is a 409); an Art. 35 DPIA is versioned, signed
 * off by a second privacy officer only, linked from the records of processing and shown as due once its review date
 * is reached; the privacy officer's deadline page, records and register render (screenshots), with the CSV.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyObligationsIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    /** A second privacy officer (four eyes), with the demo password, who also signs in to the portal. */
    private static final String DPO = "dpo-" + MARK;
    /** A third one, who signs off in the portal what the second one wrote there. */
    private static final String SIGNER = "dpo2-" + MARK;

    /** One sign-in per user for the class: each costs a password hash on a busy machine. */
    private static final java.util.Map<String, String> TOKENS = new java.util.HashMap<>();

    private static long dpia;
    private static long objector;

    @Test
    @Order(1)
    void anObjectionStopsTheNamedPurposesForGood() throws Exception {
        Api api = new Api(base);
        String agent = token(api, "agent.eu");
        String privacy = token(api, "privacy");
        long customer = TestData.createCustomer(api, agent, "EU");
        long ticket = TestData.createTicket(api, agent, customer, "Objection " + MARK);
        for (String purpose : List.of("CHAT_TRANSCRIPT_STORAGE", "QA_REVIEW")) {
            assertEquals(201, consent(api, agent, customer, purpose, true).status());
        }
        assertEquals(201, chat(api, agent, ticket).status(), "consent given: the transcript is kept");

        // registration: purposes belong to an objection, and an objection names at least one
        assertViolation(api.post("api/v1/privacy/requests", privacy, "{\"type\":\"OBJECTION\",\"customerId\":"
                + customer + "}"), "purposes");
        assertViolation(api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                + customer + ",\"purposes\":[\"QA_REVIEW\"]}"), "purposes");
        assertViolation(api.post("api/v1/privacy/requests", privacy, "{\"type\":\"OBJECTION\",\"customerId\":"
                + customer + ",\"purposes\":[\"MARKETING\"]}"), "purposes");
        assertProblem(api.post("api/v1/privacy/requests", agent, "{\"type\":\"OBJECTION\",\"customerId\":"
                + customer + ",\"purposes\":[\"QA_REVIEW\"]}"), 403);
        Reply registered = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"OBJECTION\",\"customerId\":"
                + customer + ",\"purposes\":[\"QA_REVIEW\",\"CHAT_TRANSCRIPT_STORAGE\"]}");
        assertEquals(201, registered.status(), registered.toString());
        long id = registered.json().getJsonNumber("id").longValue();
        assertEquals(List.of("CHAT_TRANSCRIPT_STORAGE", "QA_REVIEW"), registered.json().getJsonArray("purposes")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        assertViolation(api.post("api/v1/privacy/requests/" + id + "/object", privacy, null), "status");
        api.post("api/v1/privacy/requests/" + id + "/verify", privacy, "{\"method\":\"Called back on file\"}");
        assertEquals("IN_PROGRESS", api.post("api/v1/privacy/requests/" + id + "/start", privacy, null).json()
                .getString("status"));
        assertViolation(api.post("api/v1/privacy/requests/" + id + "/complete", privacy,
                "{\"outcome\":\"done\"}"), "type");
        assertProblem(api.post("api/v1/privacy/requests/9999999/object", privacy, null), 404);
        assertProblem(api.send("POST", "api/v1/privacy/requests/" + id + "/object", privacy, "application/json",
                "{\"purposes\":"), 400);
        long before = Sql.longValue("select count(*) from jbatchjobinstancedata where name = 'transcript-removal'");
        Reply objected = api.post("api/v1/privacy/requests/" + id + "/object", privacy, null);
        assertEquals(200, objected.status(), objected.toString());
        assertEquals("COMPLETED", objected.json().getString("status"));
        assertViolation(api.post("api/v1/privacy/requests/" + id + "/object", privacy, null), "status");

        // processing for the purposes stops: the enforcement path of a withdrawn consent, and it stays stopped
        assertViolation(chat(api, agent, ticket), "channel");
        JsonObject state = api.get("api/v1/customers/" + customer + "/consents", privacy).json();
        assertFalse(state.getJsonObject("inForce").getBoolean("CHAT_TRANSCRIPT_STORAGE"), state.toString());
        assertFalse(state.getJsonObject("inForce").getBoolean("QA_REVIEW"), state.toString());
        assertEquals(id, state.getJsonObject("objections").getJsonNumber("QA_REVIEW").longValue());
        assertProblem(consent(api, agent, customer, "QA_REVIEW", true), 409);
        assertEquals(201, consent(api, agent, customer, "AI_ROUTING", true).status(), "not objected to");
        assertEquals(201, consent(api, agent, customer, "QA_REVIEW", false).status(), "a withdrawal always passes");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_OBJECT' and"
                + " resource_id = ? and fields like ?", String.valueOf(customer), "%CHAT_TRANSCRIPT_STORAGE+QA_REVIEW%"));
        // the withdrawal of transcript storage started the removal of the transcript kept before, on commit
        // (that the job removes it, and what a hold keeps, PrivacyIT shows)
        assertTrue(Sql.longValue("select count(*) from jbatchjobinstancedata where name = 'transcript-removal'")
                > before);
        objector = customer;
    }

    @Test
    @Order(2)
    void aDpiaIsVersionedAndSignedOffByASecondPrivacyOfficer() throws Exception {
        Api api = new Api(base);
        String privacy = token(api, "privacy");
        String auditor = token(api, "auditor");
        createSecondPrivacyOfficer();
        String second = token(api, DPO);
        String purpose = api.get("api/v1/privacy/records-of-processing", privacy).json().getJsonArray("purposes")
                .getJsonObject(0).getString("name");

        assertProblem(api.post("api/v1/privacy/dpias", auditor, dpia(purpose, "LOW", 365, "v1")), 403);
        assertProblem(api.send("POST", "api/v1/privacy/dpias", privacy, "application/json", "{\"title\":"), 400);
        Reply bad = api.post("api/v1/privacy/dpias", privacy, Json.createObjectBuilder().add("title", "x")
                .add("purposes", Json.createArrayBuilder().add("Selling lists")).add("risks", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("description", "d").add("likelihood", "OFTEN")))
                .add("reviewDate", "2020-01-01").build().toString());
        for (String field : List.of("purposes", "risks[0].likelihood", "risks[0].severity", "processing",
                "reviewDate", "reason")) {
            assertViolation(bad, field);
        }

        Reply created = api.post("api/v1/privacy/dpias", privacy, dpia(purpose, "LOW", 365, "v1"));
        assertEquals(201, created.status(), created.toString());
        dpia = created.json().getJsonNumber("id").longValue();
        assertEquals("DRAFT", created.json().getString("status"));
        assertEquals("\"1\"", created.raw().headers().firstValue("ETag").orElse(""));
        assertEquals("MEDIUM", created.json().getJsonArray("risks").getJsonObject(0).getString("level"));

        String path = "api/v1/privacy/dpias/" + dpia;
        assertProblem(api.post(path + "/sign-off", privacy, "{\"version\":1}"), 403);
        assertProblem(api.send("PUT", path, privacy, "application/json", dpia(purpose, "HIGH", 200, "v2"),
                "If-Match", "\"7\""), 412);
        Reply revised = api.send("PUT", path, privacy, "application/json", dpia(purpose, "HIGH", 200, "v2"),
                "If-Match", "\"1\"");
        assertEquals(200, revised.status(), revised.toString());
        assertEquals(2, revised.json().getInt("version"));
        assertTrue(revised.json().getBoolean("priorConsultationRequired"));

        assertProblem(api.post(path + "/sign-off", second, "{\"version\":1}"), 409);
        Reply signed = api.post(path + "/sign-off", second, "{\"version\":2,\"note\":\"Read with the DPO team\"}");
        assertEquals(200, signed.status(), signed.toString());
        assertEquals("SIGNED_OFF", signed.json().getString("status"));
        assertEquals(DPO, signed.json().getString("signedOffBy"));
        assertProblem(api.post(path + "/sign-off", privacy, "{\"version\":2}"), 409);
        assertViolation(api.post(path + "/sign-off", second, "{\"version\":\"two\"}"), "version");

        // older versions stay readable; auditors read, and unknown ones are 404
        List<JsonObject> versions = api.get(path + "/versions", auditor).array()
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("Tickets v1", "Tickets v2"), versions.stream().map(v -> v.getString("title")).toList());
        assertEquals("LOW", api.get(path + "/versions/1", auditor).json().getString("residualRisk"));
        assertProblem(api.get(path + "/versions/9", auditor), 404);
        assertProblem(api.get("api/v1/privacy/dpias/9999999", auditor), 404);
        assertProblem(api.get(path, token(api, "agent.eu")), 403);

        // the records of processing link to it; a reached review date shows it as due
        assertEquals("SIGNED_OFF", link(api, privacy, purpose).getString("status"));
        Sql.update("update dpia_version set review_date = ? where dpia_id = ?",
                java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(1)), dpia);
        JsonObject due = api.get(path, privacy).json();
        assertTrue(due.getBoolean("reviewDue"), due.toString());
        assertEquals("REVIEW_DUE", link(api, privacy, purpose).getString("status"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'DPIA_SIGN_OFF' and"
                + " resource_id = ? and outcome = 'DENIED'", String.valueOf(dpia)), "four eyes refusal audited");
        assertEquals(3, Sql.longValue("select count(*) from audit_event where action in ('DPIA_CREATE',"
                + " 'DPIA_CHANGE', 'DPIA_SIGN_OFF') and resource_id = ? and outcome = 'SUCCESS'",
                String.valueOf(dpia)));
    }

    @Test
    @Order(3)
    void thePrivacyOfficersPagesShowDeadlinesAssessmentsAndObjections() throws Exception {
        Api api = new Api(base);
        String privacy = token(api, "privacy");
        long customer = TestData.createCustomer(api, token(api, "agent.eu"), "EU");
        // one request past its deadline (received 40 days ago), one due within the month
        for (long daysAgo : List.of(40L, 3L)) {
            Reply made = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                    + customer + ",\"receivedAt\":\"" + Instant.now().minus(Duration.ofDays(daysAgo))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
            assertEquals(201, made.status(), made.toString());
        }
        createSecondPrivacyOfficer();
        signIn(DPO);
        BROWSER.open("/admin/privacy-deadlines.xhtml");
        // the chart is drawn: its canvas differs from a blank one of the same size
        BROWSER.await(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var c = document.querySelector('canvas'); if (!c || !c.width) return false;"
                        + " var b = document.createElement('canvas'); b.width = c.width; b.height = c.height;"
                        + " return c.toDataURL() !== b.toDataURL();")));
        String table = BROWSER.byId("requests").getText();
        assertTrue(table.contains("days late"), table);
        assertTrue(Integer.parseInt(BROWSER.find("#weeks .week-overdue").getText()) >= 1,
                "the oldest week holds an overdue request");
        BROWSER.screenshot("privacy-deadlines");
        String csv = download("downloads", "downloads:requestsCsv");
        assertTrue(csv.startsWith("id,type,status,receivedAt,dueAt,daysLeft,overdue,extended,assignee"), csv);
        assertTrue(csv.contains(",ACCESS,RECEIVED,"), csv);

        BROWSER.open("/admin/records.xhtml");
        assertTrue(BROWSER.byId("dpias").getText().contains("Tickets v2"), BROWSER.byId("dpias").getText());
        assertTrue(BROWSER.byId("purposes").getText().contains("DPIA " + dpia), BROWSER.byId("purposes").getText());
        BROWSER.screenshot("privacy-records-dpias");
        BROWSER.open("/admin/privacy.xhtml");
        assertTrue(BROWSER.byId("newRequest:purposes").isDisplayed());
        BROWSER.type("consent:customerId", String.valueOf(objector));
        BROWSER.submit("consent:lookUp");
        assertTrue(BROWSER.byId("consent-QA_REVIEW").getText().contains("stopped for good"),
                BROWSER.byId("consent-QA_REVIEW").getText());
        BROWSER.screenshot("privacy-register-objection");
    }

    @Test
    @Order(4)
    void aDpiaIsWrittenRevisedAndSignedOffInThePortalByASecondPrivacyOfficer() throws Exception {
        // the privacy officer of the test before is still signed in: writes an assessment through the form
        BROWSER.open("/admin/dpias.xhtml");
        String title = "Portal DPIA " + MARK;
        BROWSER.type("dpia:title", title);
        BROWSER.type("dpia:processing", "Agents answer customers by chat.");
        BROWSER.byId("dpia:purposes:0").click();
        BROWSER.type("dpia:risks:0:description", "A transcript kept longer than needed");
        BROWSER.type("dpia:risks:0:likelihood", "MEDIUM");
        BROWSER.type("dpia:risks:0:severity", "HIGH");
        BROWSER.type("dpia:risks:0:measures", "Transcripts removed when consent ends");
        BROWSER.type("dpia:residualRisk", "LOW");
        BROWSER.type("dpia:residualReason", "Measures in force");
        BROWSER.driver().executeScript("document.getElementById('dpia:reviewDate').value = arguments[0]",
                LocalDate.now(ZoneOffset.UTC).plusDays(180).toString());
        BROWSER.submit("dpia:save");
        assertFalse(BROWSER.path().contains("id="), "not saved without a reason: " + BROWSER.path());
        assertTrue(BROWSER.find(".field .ui-message-error").isDisplayed(), "the reason is required, said at its field");
        BROWSER.type("dpia:reason", "First assessment of chat");
        BROWSER.submit("dpia:save");
        assertTrue(BROWSER.path().contains("id="), BROWSER.path());
        long id = Long.parseLong(BROWSER.path().replaceFirst(".*id=(\\d+).*", "$1"));
        assertEquals(DPO, BROWSER.byId("writer").getText().trim().split(" ")[0]);
        assertTrue(BROWSER.byId("dpias").getText().contains(title), BROWSER.byId("dpias").getText());
        assertEquals("DRAFT", api().get("api/v1/privacy/dpias/" + id, token(api(), "privacy")).json()
                .getString("status"));

        // the writer may not sign off: the service's four-eyes refusal, said plainly, and audited
        BROWSER.submit("signOff:signOffButton");
        String said = BROWSER.find(".ui-messages").getText();
        assertTrue(said.contains("four eyes") && said.contains("version 1"), said);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'DPIA_SIGN_OFF' and"
                + " resource_id = ? and outcome = 'DENIED'", String.valueOf(id)));

        // the next version, from the form filled in with the current one
        assertEquals(title, BROWSER.byId("dpia:title").getAttribute("value"));
        BROWSER.type("dpia:title", title + " (2)");
        BROWSER.type("dpia:reason", "Retention of transcripts shortened");
        BROWSER.submit("dpia:save");
        assertEquals(2, api().get("api/v1/privacy/dpias/" + id, token(api(), "privacy")).json().getInt("version"));
        assertEquals(2, BROWSER.byId("versions").findElements(By.cssSelector("tbody tr")).size());

        // a second privacy officer signs it off
        createSecondPrivacyOfficer(SIGNER);
        BROWSER.reset();
        signIn(SIGNER);
        BROWSER.open("/admin/dpias.xhtml?id=" + id);
        BROWSER.type("signOff:note", "Read with the chat team");
        BROWSER.submit("signOff:signOffButton");
        assertEquals("Signed off", BROWSER.byId("status").getText().trim());
        JsonObject signed = api().get("api/v1/privacy/dpias/" + id, token(api(), "privacy")).json();
        assertEquals("SIGNED_OFF", signed.getString("status"));
        assertEquals(SIGNER, signed.getString("signedOffBy"));
        assertEquals(2, signed.getInt("signedOffVersion"));
        assertTrue(BROWSER.driver().findElements(By.id("signOff:signOffButton")).isEmpty(), "nothing left to sign");
        BROWSER.screenshot("privacy-dpias");
        // the privacy officer's pages of #25 on a phone (400 px): looked at, and none wider than the window
        assertEquals(List.of(), BROWSER.narrow("privacy", "/admin/dpias.xhtml?id=" + id, "/admin/privacy-deadlines.xhtml",
                "/admin/breaches.xhtml"));
    }

    /** Signs the browser in as a privacy officer created by this class, enrolling a second factor the first time. */
    private void signIn(String username) throws Exception {
        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn(username);
        if (BROWSER.path().startsWith("/enroll.xhtml")) {
            BROWSER.enrollSecondFactor();
        }
    }

    /** The CSV a download button sends, fetched with the browser's session and the page's form state. */
    private String download(String form, String button) throws Exception {
        String viewState = BROWSER.find("form#" + form + " input[name='jakarta.faces.ViewState']")
                .getAttribute("value");
        String body = form + "=" + form + "&" + enc(button) + "=&jakarta.faces.ViewState=" + enc(viewState);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceFirst("/$", "")
                + "/admin/privacy-deadlines.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + BROWSER.sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                response.headers().map().toString());
        return response.body();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonObject link(Api api, String token, String purpose) {
        for (JsonObject each : api.get("api/v1/privacy/records-of-processing", token).json().getJsonArray("purposes")
                .getValuesAs(JsonObject.class)) {
            if (each.getString("name").equals(purpose)) {
                return each.getJsonArray("assessments").getValuesAs(JsonObject.class).stream()
                        .filter(a -> a.getJsonNumber("id").longValue() == dpia).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no purpose " + purpose);
    }

    private static String dpia(String purpose, String residual, int reviewInDays, String label) {
        JsonArrayBuilder risks = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("description", "An agent reads customers of another region").add("likelihood", "LOW")
                .add("severity", "HIGH").add("measures", "Regional separation; reads are audited"));
        return Json.createObjectBuilder().add("title", "Tickets " + label)
                .add("processing", "Agents read and answer customers' support requests.")
                .add("purposes", Json.createArrayBuilder().add(purpose)).add("risks", risks)
                .add("residualRisk", residual).add("residualReason", "Measures in force")
                .add("reviewDate", LocalDate.now(ZoneOffset.UTC).plusDays(reviewInDays).toString())
                .add("reason", "Assessment " + label).build().toString();
    }

    /** A privacy officer besides the demo one, with the demo password (copied hash); once per run. */
    private static void createSecondPrivacyOfficer() throws Exception {
        createSecondPrivacyOfficer(DPO);
    }

    private static void createSecondPrivacyOfficer(String username) throws Exception {
        if (Sql.longValue("select count(*) from app_user where username = ?", username) > 0) {
            return;
        }
        long id = Sql.longValue("select nextval('app_user_seq')");
        Sql.update("insert into app_user (id, username, display_name, password_hash, enabled, created_at)"
                + " select ?, ?, 'IT privacy officer', password_hash, true, now() from app_user where username ="
                + " 'privacy'", id, username);
        Sql.update("insert into app_user_role (user_id, role) values (?, 'PRIVACY_OFFICER')", id);
        Sql.update("insert into app_user_region (user_id, region) values (?, 'EU')", id);
    }

    private static String token(Api api, String username) {
        return TOKENS.computeIfAbsent(username, api::token);
    }

    private static Reply consent(Api api, String token, long customer, String purpose, boolean given) {
        return api.post("api/v1/customers/" + customer + "/consents", token, "{\"purpose\":\"" + purpose
                + "\",\"given\":" + given + ",\"source\":\"signed form\",\"textVersion\":\"it-1\"}");
    }

    private static Reply chat(Api api, String token, long ticket) {
        return api.post("api/v1/tickets/" + ticket + "/comments", token,
                "{\"body\":\"Customer: my router blinks\",\"channel\":\"CHAT\",\"visibility\":\"PUBLIC\"}");
    }
}
