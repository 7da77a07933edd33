package org.custodian.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.Api.Reply;
import org.custodian.it.Api;
import org.custodian.it.EmbeddedPostgresSession;
import org.custodian.it.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR that ships (ear/target/custodian.ear), unchanged, on WildFly 39 as server-config/src/main/wildfly/
 * configure-custodian.cli configures it, against the embedded PostgreSQL: one boot for the whole class (failsafe
 * execution wildfly-smoke, profile wildfly). Each test is a thing an enterprise checks first after an install.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlySmokeIT {

    private static final List<String> DEMO_USERS = List.of("agent.eu", "agent.us", "engineer", "supervisor",
            "contractor", "operator", "privacy", "auditor");

    @ArquillianResource
    URL base;

    private Api api;

    private Api api() {
        if (api == null) {
            api = new Api(base);
        }
        return api;
    }


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
        PeopleSmoke.check(api());
    }

    @Test
    void everyDemoRoleGetsAToken() throws Exception {
        for (String user : DEMO_USERS) {
            String token = api().token(user);
            assertEquals(3, token.split("\\.").length, user + ": a JWS");
        }
        Reply wrong = api().post("api/v1/auth/token", null, "{\"username\":\"agent.eu\",\"password\":\"wrong\"}");
        assertEquals(401, wrong.status(), wrong.toString());
        assertTrue(wrong.contentType().startsWith("application/problem+json"), wrong.toString());
        assertEquals(401, api().get("api/v1/tickets", null).status(), "no token, no tickets");
    }

    @Test
    void createsAndReadsATicketMaskedAsThePolicySaysAndPatchesItWithAMergePatch() throws Exception {
        String agent = api().token("agent.eu");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply customer = api().post("api/v1/customers", agent, Json.createObjectBuilder()
                .add("externalId", "WF-" + suffix)
                .add("name", "Johanna Maria Weber").add("email", "johanna." + suffix + "@example.com")
                .add("phone", "+49 30 5550 1234").add("allowDuplicate", true).add("region", "EU").build().toString());
        assertEquals(201, customer.status(), customer.toString());
        long customerId = customer.json().getJsonNumber("id").longValue();
        JsonObject asAgent = api().get("api/v1/customers/" + customerId, agent).json();
        assertEquals("j***@example.com", asAgent.getString("email"));
        assertEquals("J. M. W.", asAgent.getString("name"));
        JsonObject asSupervisor = api().get("api/v1/customers/" + customerId, api().token("supervisor")).json();
        assertEquals("johanna." + suffix + "@example.com", asSupervisor.getString("email"));

        Reply ticket = api().post("api/v1/tickets", agent, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Callback " + suffix).add("description", "Please write to private." + suffix
                        + "@example.org today.").add("category", "SOFTWARE").build().toString());
        assertEquals(201, ticket.status(), ticket.toString());
        long ticketId = ticket.json().getJsonNumber("id").longValue();
        String description = api().get("api/v1/tickets/" + ticketId, agent).json().getString("description");
        assertTrue(description.contains("p***@example.org") && !description.contains("private." + suffix),
                description);

        // RESTEasy's own PATCH filter would answer 400 to merge-patch+json (web.xml turns it off)
        Reply patched = api().send("PATCH", "api/v1/tickets/" + ticketId, agent, "application/merge-patch+json",
                "{\"priority\":\"HIGH\"}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("HIGH", patched.json().getString("priority"));
    }

    @Test
    void refusesAnotherRegionsChange() throws Exception {
        String agentEu = api().token("agent.eu");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long customerId = api().post("api/v1/customers", agentEu, Json.createObjectBuilder()
                .add("externalId", "WFR-" + suffix)
                .add("name", "Region Test " + suffix).add("email", "r." + suffix + "@example.com").add("region", "EU")
                .build().toString()).json().getJsonNumber("id").longValue();
        long ticketId = api().post("api/v1/tickets", agentEu, "{\"customerId\":" + customerId
                + ",\"subject\":\"EU only\","
                + "\"description\":\"d\",\"category\":\"SOFTWARE\"}").json().getJsonNumber("id").longValue();
        Reply refused = api().send("PATCH", "api/v1/tickets/" + ticketId, api().token("agent.us"),
                "application/merge-patch+json", "{\"priority\":\"LOW\"}");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
    }

    @Test
    void theAuditTrailVerifiesAndACheckpointIsSigned() throws Exception {
        String auditor = api().token("auditor");
        Reply checkpoint = api().post("api/v1/audit/checkpoints", auditor, "");
        assertEquals(200, checkpoint.status(), checkpoint.toString());
        assertFalse(checkpoint.json().getString("signature", "").isBlank(), checkpoint.toString());
        JsonObject verified = api().get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
        assertTrue(verified.getInt("checkpoints") >= 1, verified.toString());
    }

    @Test
    void auditVerifyAndARetentionDryRunCompleteAndAreListedInTheJobHistory() throws Exception {
        String operator = api().token("operator");
        long verify = start(operator, "audit-verify", "{}");
        long dryRun = start(operator, "retention-purge", "{\"dryRun\":true}");
        JsonObject verified = api().awaitJob(operator, verify);
        assertEquals("COMPLETED", verified.getString("status"), verified.toString());
        assertTrue(verified.getString("exitStatus").startsWith("OK"), verified.toString());
        JsonObject dry = api().awaitJob(operator, dryRun);
        assertEquals("COMPLETED", dry.getString("status"), dry.toString());
        assertTrue(dry.getString("exitStatus").startsWith("DRY-RUN"), dry.toString());

        Reply history = api().get("api/v1/jobs/executions?limit=50", operator);
        assertEquals(200, history.status(), history.toString());
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
        String operator = api().token("operator");
        Reply started = api().post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"WildFly smoke test\"}");
        assertEquals(202, started.status(), started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject ended = api().awaitJob(operator, execution);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        JsonObject set = null;
        for (JsonValue entry : api().get("api/v1/backups", operator).array()) {
            if (entry.asJsonObject().getJsonNumber("jobExecutionId").longValue() == execution) {
                set = entry.asJsonObject();
            }
        }
        assertTrue(set != null, "the catalog lists the set of execution " + execution);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        Reply verified = api().post("api/v1/backups/" + set.getJsonNumber("id").longValue() + "/verify",
                api().token("auditor"), null);
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(verified.json().getBoolean("ok"), verified.toString());
    }

    /**
     * On WildFly MicroProfile Health answers on the management interface (9990 plus the port offset), not on the
     * application's port: that is the URL that counts there (docs/deploy.md).
     */
    @Test
    void theApplicationsHealthChecksAreUpOnTheManagementInterface() throws Exception {
        Map<String, JsonObject> checks = readiness();
        for (String name : List.of("database", "siem-delivery")) {
            assertTrue(checks.containsKey(name), "the application's check " + name + " is there: " + checks);
            assertEquals("UP", checks.get(name).getString("status"), checks.get(name).toString());
        }
        assertEquals("PostgreSQL", checks.get("database").getJsonObject("data").getString("product"));
    }

    private Map<String, JsonObject> readiness() throws Exception {
        URI health = URI.create("http://" + base.getHost() + ":"
                + System.getProperty("custodian.it.wildfly.management.port") + "/health/ready");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> checks = new HashMap<>();
        JsonArray listed = Json.createReader(new StringReader(response.body())).readObject().getJsonArray("checks");
        for (JsonValue each : listed) {
            checks.put(each.asJsonObject().getString("name"), each.asJsonObject());
        }
        return checks;
    }

    /**
     * WildFly's metrics API is Micrometer: the application's gauges reach an OTLP receiver (here a plain HTTP
     * server standing in for a collector) at the endpoint and step configure-custodian.cli reads from the
     * environment, and the health checks say which API has them.
     */
    @Test
    void theApplicationsGaugesArePushedByMicrometerOverOtlp() throws Exception {
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.getInteger("custodian.it.wildfly.otlp.port")), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonObject database = readiness().get("database").getJsonObject("data");
            assertEquals("Micrometer", database.getString("gaugeApi"), database.toString());
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !received(bodies, "custodian_audit_pending")) {
                Thread.sleep(250);
            }
            assertTrue(received(bodies, "custodian_audit_pending") && received(bodies, "custodian_siem_backlog"),
                    "both gauges in an OTLP push within 30 s; " + bodies.size() + " pushes received, the last"
                            + " naming: " + (bodies.isEmpty() ? "-" : names(bodies.get(bodies.size() - 1))));
        } finally {
            receiver.stop(0);
        }
    }

    /** The readable strings of an OTLP (protobuf) body: metric names, attribute keys and values. */
    private static String names(String body) {
        return String.join(" ", body.split("[^\\x20-\\x7e]+")).replaceAll(" +", " ").strip();
    }

    private static boolean received(List<String> bodies, String metric) {
        synchronized (bodies) {
            return bodies.stream().anyMatch(body -> body.contains(metric));
        }
    }

    @Test
    void thePortalSignInPageRendersAndAnAgentSignsIn() throws Exception {
        String home = PortalSignIn.signIn(URI.create(base.toString()), "agent.eu", Api.DEMO_PASSWORD);
        assertTrue(home.contains("Eva Agent (EU)"), "the agent's own page: " + home);
    }

    /**
     * A failed start must not hold the undeploy (it once did, until kill -9: a timer that fired into the blocked
     * startup waited there for ever). The next start is made to fail the way a real one does, by a key that
     * differs from the one this installation recorded; timers get their chance to fire; the undeploy must then end
     * within 90 s (the longest watchdog limit is a minute). Runs last: it takes the application down, and brings it
     * back for Arquillian's own undeploy.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFailedStartDoesNotHoldTheUndeploy() throws Exception {
        Matcher listed = Pattern.compile("\"([^\"]+\\.ear)\"")
                .matcher(cli(":read-children-names(child-type=deployment)").output());
        assertTrue(listed.find(), "the EAR's deployment name");
        String name = listed.group(1);
        String recorded = Sql.text("select fingerprint from installation_key where name = 'audit-hmac'");
        Sql.update("update installation_key set fingerprint = ? where name = 'audit-hmac'", "sha256:" + "0".repeat(64));
        try {
            Cli failed = cli("/deployment=" + name + ":redeploy{rollback-on-runtime-failure=false}");
            assertTrue(failed.output().contains("failed") || failed.output().contains("WFLY"),
                    "the start fails on the changed key: " + failed);
            Thread.sleep(5_000);
            Instant started = Instant.now();
            Cli undeployed = cli("/deployment=" + name + ":undeploy");
            Duration took = Duration.between(started, Instant.now());
            assertTrue(undeployed.output().contains("success"), undeployed.toString());
            // a tick blocked in the failed start is interrupted after its watchdog limit (a minute at most)
            assertTrue(took.compareTo(Duration.ofSeconds(90)) < 0, "the undeploy took " + took);
        } finally {
            Sql.update("update installation_key set fingerprint = ? where name = 'audit-hmac'", recorded);
            Cli deployed = cli("/deployment=" + name + ":deploy");
            assertTrue(deployed.output().contains("success"), "back for the rest: " + deployed);
        }
        assertEquals(200, api().login("agent.eu", Api.DEMO_PASSWORD).status(), "it works again after the deploy");
    }

    private record Cli(int exit, String output) {
    }

    /** One operation through WildFly's own CLI, authenticated as the local user (as an administrator would). */
    private static Cli cli(String operation) throws Exception {
        Process process = new ProcessBuilder(System.getProperty("custodian.it.wildfly.home") + "/bin/jboss-cli.sh",
                "--connect", "--controller=127.0.0.1:" + System.getProperty("custodian.it.wildfly.management.port"),
                "--command=" + operation).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(operation + " did not end within 120 s");
        }
        return new Cli(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private long start(String token, String job, String body) {
        Reply started = api().post("api/v1/jobs/" + job, token, body);
        assertEquals(202, started.status(), started.toString());
        return started.json().getJsonNumber("executionId").longValue();
    }
}
