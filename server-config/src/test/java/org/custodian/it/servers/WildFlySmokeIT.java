package org.custodian.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.EmbeddedPostgresSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR that ships (ear/target/custodian.ear), unchanged, on WildFly 39 as server-config/src/main/wildfly/
 * configure-custodian.cli configures it, against the embedded PostgreSQL: one boot for the whole class (failsafe
 * execution wildfly-smoke, profile wildfly). Each test is a thing an enterprise checks first after an install.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlySmokeIT {

    private static final String PASSWORD = "Custodian-Demo-1";
    private static final List<String> DEMO_USERS = List.of("agent.eu", "agent.us", "engineer", "supervisor",
            "contractor", "operator", "privacy", "auditor");

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A job execution that a killed WildFly left STARTED (planted before the deployment). */
    private static long orphan;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() throws Exception {
        orphan = JBeretOrphan.plant(Path.of(System.getProperty("custodian.it.wildfly.home")), "integrity-verify");
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("custodian.it.ear")));
    }

    @Test
    void anExecutionAKilledServerLeftRunningIsMarkedFailedAtStartAndAudited() throws Exception {
        assertEquals("FAILED", JBeretOrphan.status(orphan), "recovered in JBeret's repository (schema jberet)");
        try (Connection connection = EmbeddedPostgresSession.connect();
                PreparedStatement audited = connection.prepareStatement("select count(*) from audit_event"
                        + " where action = 'JOB_RECOVERED' and resource_id = ?")) {
            audited.setString(1, String.valueOf(orphan));
            try (ResultSet count = audited.executeQuery()) {
                assertTrue(count.next() && count.getLong(1) == 1, "one JOB_RECOVERED event for " + orphan);
            }
        }
    }

    @Test
    void peopleAdministrationServiceAccountsAndScimAnswer() throws Exception {
        PeopleSmoke.check(new org.custodian.it.Api(base));
    }

    @Test
    void everyDemoRoleGetsAToken() throws Exception {
        for (String user : DEMO_USERS) {
            String token = token(user);
            assertEquals(3, token.split("\\.").length, user + ": a JWS");
        }
        Reply wrong = post("api/v1/auth/token", null, "{\"username\":\"agent.eu\",\"password\":\"wrong\"}");
        assertEquals(401, wrong.status, wrong.toString());
        assertTrue(wrong.contentType.startsWith("application/problem+json"), wrong.toString());
        assertEquals(401, get("api/v1/tickets", null).status, "no token, no tickets");
    }

    @Test
    void createsAndReadsATicketMaskedAsThePolicySaysAndPatchesItWithAMergePatch() throws Exception {
        String agent = token("agent.eu");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply customer = post("api/v1/customers", agent, Json.createObjectBuilder().add("externalId", "WF-" + suffix)
                .add("name", "Johanna Maria Weber").add("email", "johanna." + suffix + "@example.com")
                .add("phone", "+49 30 5550 1234").add("allowDuplicate", true).add("region", "EU").build().toString());
        assertEquals(201, customer.status, customer.toString());
        long customerId = customer.json().getJsonNumber("id").longValue();
        JsonObject asAgent = get("api/v1/customers/" + customerId, agent).json();
        assertEquals("j***@example.com", asAgent.getString("email"));
        assertEquals("J. M. W.", asAgent.getString("name"));
        JsonObject asSupervisor = get("api/v1/customers/" + customerId, token("supervisor")).json();
        assertEquals("johanna." + suffix + "@example.com", asSupervisor.getString("email"));

        Reply ticket = post("api/v1/tickets", agent, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Callback " + suffix).add("description", "Please write to private." + suffix
                        + "@example.org today.").add("category", "SOFTWARE").build().toString());
        assertEquals(201, ticket.status, ticket.toString());
        long ticketId = ticket.json().getJsonNumber("id").longValue();
        String description = get("api/v1/tickets/" + ticketId, agent).json().getString("description");
        assertTrue(description.contains("p***@example.org") && !description.contains("private." + suffix),
                description);

        // RESTEasy's own PATCH filter would answer 400 to merge-patch+json (web.xml turns it off)
        Reply patched = send("PATCH", "api/v1/tickets/" + ticketId, agent, "application/merge-patch+json",
                "{\"priority\":\"HIGH\"}");
        assertEquals(200, patched.status, patched.toString());
        assertEquals("HIGH", patched.json().getString("priority"));
    }

    @Test
    void refusesAnotherRegionsChange() throws Exception {
        String agentEu = token("agent.eu");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long customerId = post("api/v1/customers", agentEu, Json.createObjectBuilder().add("externalId", "WFR-" + suffix)
                .add("name", "Region Test " + suffix).add("email", "r." + suffix + "@example.com").add("region", "EU")
                .build().toString()).json().getJsonNumber("id").longValue();
        long ticketId = post("api/v1/tickets", agentEu, "{\"customerId\":" + customerId + ",\"subject\":\"EU only\","
                + "\"description\":\"d\",\"category\":\"SOFTWARE\"}").json().getJsonNumber("id").longValue();
        Reply refused = send("PATCH", "api/v1/tickets/" + ticketId, token("agent.us"), "application/merge-patch+json",
                "{\"priority\":\"LOW\"}");
        assertEquals(403, refused.status, refused.toString());
        assertTrue(refused.contentType.startsWith("application/problem+json"), refused.toString());
    }

    @Test
    void theAuditTrailVerifiesAndACheckpointIsSigned() throws Exception {
        String auditor = token("auditor");
        Reply checkpoint = post("api/v1/audit/checkpoints", auditor, "");
        assertEquals(200, checkpoint.status, checkpoint.toString());
        assertFalse(checkpoint.json().getString("signature", "").isBlank(), checkpoint.toString());
        JsonObject verified = get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
        assertTrue(verified.getInt("checkpoints") >= 1, verified.toString());
    }

    @Test
    void auditVerifyAndARetentionDryRunCompleteAndAreListedInTheJobHistory() throws Exception {
        String operator = token("operator");
        long verify = start(operator, "audit-verify", "{}");
        long dryRun = start(operator, "retention-purge", "{\"dryRun\":true}");
        JsonObject verified = awaitJob(operator, verify);
        assertEquals("COMPLETED", verified.getString("status"), verified.toString());
        assertTrue(verified.getString("exitStatus").startsWith("OK"), verified.toString());
        JsonObject dry = awaitJob(operator, dryRun);
        assertEquals("COMPLETED", dry.getString("status"), dry.toString());
        assertTrue(dry.getString("exitStatus").startsWith("DRY-RUN"), dry.toString());

        Reply history = get("api/v1/jobs/executions?limit=50", operator);
        assertEquals(200, history.status, history.toString());
        Map<Long, String> listed = new HashMap<>();
        for (JsonValue each : history.array()) {
            listed.put(each.asJsonObject().getJsonNumber("executionId").longValue(),
                    each.asJsonObject().getString("jobName"));
        }
        assertEquals("audit-verify", listed.get(verify), history.toString());
        assertEquals("retention-purge", listed.get(dryRun), history.toString());
    }

    @Test
    void aFullBackupCompletesAndVerifies() throws Exception {
        String operator = token("operator");
        Reply started = post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"WildFly smoke test\"}");
        assertEquals(202, started.status, started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject ended = awaitJob(operator, execution);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        JsonObject set = null;
        for (JsonValue entry : get("api/v1/backups", operator).array()) {
            if (entry.asJsonObject().getJsonNumber("jobExecutionId").longValue() == execution) {
                set = entry.asJsonObject();
            }
        }
        assertTrue(set != null, "the catalog lists the set of execution " + execution);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        Reply verified = post("api/v1/backups/" + set.getJsonNumber("id").longValue() + "/verify", token("auditor"),
                null);
        assertEquals(200, verified.status, verified.toString());
        assertTrue(verified.json().getBoolean("ok"), verified.toString());
    }

    /**
     * On WildFly MicroProfile Health answers on the management interface (9990 plus the port offset), not on the
     * application's port: that is the URL that counts there (docs/deploy.md).
     */
    @Test
    void theApplicationsHealthChecksAreUpOnTheManagementInterface() throws Exception {
        URI health = URI.create("http://" + base.getHost() + ":"
                + System.getProperty("custodian.it.wildfly.management.port") + "/health/ready");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> checks = new HashMap<>();
        for (JsonValue each : Json.createReader(new StringReader(response.body())).readObject().getJsonArray("checks")) {
            checks.put(each.asJsonObject().getString("name"), each.asJsonObject());
        }
        for (String name : List.of("database", "siem-delivery")) {
            assertTrue(checks.containsKey(name), "the application's check " + name + " is there: " + response.body());
            assertEquals("UP", checks.get(name).getString("status"), checks.get(name).toString());
        }
        assertEquals("PostgreSQL", checks.get("database").getJsonObject("data").getString("product"));
    }

    @Test
    void thePortalSignInPageRendersAndAnAgentSignsIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("login:username") && page.body().contains("login:password"), page.body());
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(viewState.find(), "a view state: " + page.body());
        String form = "login=login&login%3Ausername=agent.eu&login%3Apassword=" + PASSWORD + "&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String landing = signedIn.headers().firstValue("Location").orElseThrow();
        assertFalse(landing.contains("login.xhtml"), "signed in, not sent back to the form: " + landing);
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(uri("login.xhtml").resolve(landing)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode(), landing + ": " + home.body());
        assertTrue(home.body().contains("Eva Agent (EU)"), "the agent's own page: " + home.body());
    }

    // ---------------------------------------------------------------- HTTP

    private long start(String token, String job, String body) {
        Reply started = post("api/v1/jobs/" + job, token, body);
        assertEquals(202, started.status, started.toString());
        return started.json().getJsonNumber("executionId").longValue();
    }

    private JsonObject awaitJob(String token, long executionId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            JsonObject execution = get("api/v1/jobs/executions/" + executionId, token).json();
            if (Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(execution.getString("status"))) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job did not end in time: " + execution);
            }
            Thread.sleep(250);
        }
    }

    private String token(String username) {
        Reply reply = post("api/v1/auth/token", null, Json.createObjectBuilder().add("username", username)
                .add("password", PASSWORD).build().toString());
        assertEquals(200, reply.status, username + ": " + reply);
        return reply.json().getString("access_token");
    }

    private URI uri(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root).resolve(path);
    }

    private Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    private Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    private Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    private record Reply(int status, String contentType, String body) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
