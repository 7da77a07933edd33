package org.custodian.it.servers;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.TestData.createCustomer;
import static org.custodian.it.TestData.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api;
import org.custodian.it.Api.Reply;
import org.custodian.it.SiemCollector;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR that ships (ear/target/custodian.ear), deployed unchanged by Arquillian on an application server that the
 * build fetched from Maven Central and configured with the scripts in server-config (arquillian.launch picks the
 * server: failsafe execution payara-server). One class, so one boot and one deployment for the whole suite; each
 * test makes its own data. The same checks as the Payara Micro suite makes in depth, at the depth that proves the
 * server's side of each: security, JPA and policy, timers, batch and its job repository, health, Faces.
 */
@ExtendWith(ArquillianExtension.class)
class EarSmokeIT {

    private static final List<String> ROLES_BY_USER = List.of("agent.eu", "agent.us", "engineer", "supervisor",
            "contractor", "operator", "privacy", "auditor");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("custodian.it.ear")));
    }

    private static Api api() throws Exception {
        return new Api(new URL(System.getProperty("custodian.it.server.url")));
    }

    @Test
    void everyDemoRoleGetsATokenThatTheApiAccepts() throws Exception {
        Api api = api();
        for (String user : ROLES_BY_USER) {
            String token = api.token(user);
            // accepted (whatever the role may see there): 200 or 403, never 401
            Reply reply = api.get("api/v1/policy/classifications", token);
            assertNotEquals(401, reply.status(), user + ": " + reply);
        }
        assertEquals(200, api.get("api/v1/tickets", api.token("agent.eu")).status());
        assertProblem(api.get("api/v1/tickets", null), 401);
    }

    @Test
    void peopleAdministrationServiceAccountsAndScimAnswer() throws Exception {
        PeopleSmoke.check(api());
    }

    @Test
    void ticketsAreMaskedByPolicyAndOtherRegionsAreRefused() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply customer = api.post("api/v1/customers", agent, Json.createObjectBuilder()
                .add("externalId", "SMOKE-" + suffix).add("name", "Johanna Maria Weber")
                .add("email", "johanna." + suffix + "@example.com").add("region", "EU").build().toString());
        assertEquals(201, customer.status(), customer.toString());
        long customerId = customer.json().getJsonNumber("id").longValue();
        assertEquals("j***@example.com", api.get("api/v1/customers/" + customerId, agent).json().getString("email"));
        assertEquals("johanna." + suffix + "@example.com",
                api.get("api/v1/customers/" + customerId, api.token("supervisor")).json().getString("email"));

        Reply ticket = api.post("api/v1/tickets", agent, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Smoke " + suffix).add("category", "SOFTWARE")
                .add("description", "Write to private." + suffix + "@example.org today.").build().toString());
        assertEquals(201, ticket.status(), ticket.toString());
        long ticketId = ticket.json().getJsonNumber("id").longValue();
        String description = api.get("api/v1/tickets/" + ticketId, agent).json().getString("description");
        assertTrue(description.contains("p***@example.org") && !description.contains("private." + suffix),
                description);

        // the US agent may not change an EU ticket, nor open one for an EU customer
        String agentUs = api.token("agent.us");
        assertProblem(api.send("PATCH", "api/v1/tickets/" + ticketId, agentUs, "application/merge-patch+json",
                "{\"priority\":\"LOW\"}"), 403);
        assertProblem(api.post("api/v1/tickets", agentUs, "{\"customerId\":" + customerId + ",\"subject\":\"s\","
                + "\"description\":\"d\",\"category\":\"HARDWARE\"}"), 403);
        // and merge-patch works for the owner region
        Reply patched = api.send("PATCH", "api/v1/tickets/" + ticketId, agent, "application/merge-patch+json",
                "{\"priority\":\"HIGH\"}");
        assertEquals(200, patched.status(), patched.toString());
    }

    @Test
    void theAuditTrailVerifiesAndACheckpointIsSigned() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        createTicket(api, agent, createCustomer(api, agent, "EU"), "Audited on the server");
        String auditor = api.token("auditor");
        JsonObject verified = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
        assertTrue(verified.getJsonNumber("events").longValue() > 0, verified.toString());

        Reply made = api.post("api/v1/audit/checkpoints", auditor, "");
        assertEquals(200, made.status(), made.toString());
        JsonObject checkpoint = made.json();
        String statement = "custodian-checkpoint-v1\ntree-size " + checkpoint.getJsonNumber("treeSize").longValue()
                + "\nroot " + checkpoint.getString("rootHash") + "\nchain " + checkpoint.getString("chainHash")
                + "\ntime " + checkpoint.getString("createdAt") + "\n";
        String pem = api.get("api/v1/audit/checkpoints", auditor).json().getString("publicKey");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(statement.getBytes(StandardCharsets.UTF_8));
        assertTrue(signature.verify(Base64.getDecoder().decode(checkpoint.getString("signature"))), "signed");
    }

    @Test
    void batchJobsCompleteInTheServersJobRepositoryAndAreListed() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        long verify = completed(api, operator, "audit-verify", "{}");
        long dryRun = completed(api, operator, "retention-purge", "{\"dryRun\":true}");
        assertTrue(api.awaitJob(operator, dryRun).getString("exitStatus").startsWith("DRY-RUN "));

        Reply history = api.get("api/v1/jobs/executions", operator);
        assertEquals(200, history.status(), history.toString());
        List<Long> listed = new ArrayList<>();
        for (JsonValue each : history.array()) {
            listed.add(each.asJsonObject().getJsonNumber("executionId").longValue());
        }
        assertTrue(listed.containsAll(List.of(verify, dryRun)), "listed in the job history: " + history);
    }

    @Test
    void aFullBackupCompletesAndVerifies() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        Reply started = api.post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"server smoke\"}");
        assertEquals(202, started.status(), started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject ended = api.awaitJob(operator, execution);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        JsonObject set = null;
        for (JsonValue entry : api.get("api/v1/backups", operator).array()) {
            if (entry.asJsonObject().getJsonNumber("jobExecutionId").longValue() == execution) {
                set = entry.asJsonObject();
            }
        }
        assertTrue(set != null && "COMPLETE".equals(set.getString("status")), String.valueOf(set));
        Reply verified = api.post("api/v1/backups/" + set.getJsonNumber("id") + "/verify", api.token("auditor"),
                null);
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(verified.json().getBoolean("ok"), verified.toString());
    }

    @Test
    void theApplicationsHealthChecksAreUp() throws Exception {
        Reply health = api().get(System.getProperty("custodian.it.health.path", "health"), null);
        assertEquals(200, health.status(), health.toString());
        JsonObject body = health.json();
        assertEquals("UP", body.getString("status"), body.toString());
        List<String> names = new ArrayList<>();
        body.getJsonArray("checks").forEach(check -> names.add(check.asJsonObject().getString("name")));
        assertTrue(names.containsAll(List.of("database", "siem-delivery")), "the application's own checks: " + names);
        Api api = api();
        Reply openApi = api.get("openapi", null);
        assertEquals(200, openApi.status(), openApi.toString());
        assertTrue(openApi.body().contains("/api/v1/tickets"), "the API contract");
        Reply metrics = api.get(System.getProperty("custodian.it.metrics.path", "metrics"), null);
        assertEquals(200, metrics.status(), metrics.toString());
    }

    @Test
    void theAuditTrailReachesTheSiemCollector() throws Exception {
        Api api = api();
        api.get("api/v1/tickets", api.token("agent.eu"));
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        try (SiemCollector collector = SiemCollector.open(data -> received.add(
                new String(data, StandardCharsets.UTF_8)))) {
            Instant deadline = Instant.now().plusSeconds(90);
            while (received.stream().noneMatch(frames -> frames.contains("[custodian@32473 seq=\"1\""))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }
        assertTrue(received.stream().anyMatch(frames -> frames.contains("[custodian@32473 seq=\"1\"")),
                "the first event, as RFC 5424 syslog: " + received);
        JsonObject delivery = api.health("siem-delivery");
        assertTrue(Long.parseLong(delivery.getString("deliveredSequence")) >= 1, delivery.toString());
    }

    @Test
    void thePortalSignInPageRendersAndAnAgentSignsIn() throws Exception {
        String home = PortalSignIn.signIn(URI.create(System.getProperty("custodian.it.server.url")), "agent.eu",
                Api.DEMO_PASSWORD);
        assertTrue(home.contains("Eva Agent"), "the agent's portal: " + home);
    }

    private static long completed(Api api, String operator, String job, String parameters) throws Exception {
        Reply started = api.post("api/v1/jobs/" + job, operator, parameters);
        assertEquals(202, started.status(), started.toString());
        JsonObject ended = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        return ended.getJsonNumber("executionId").longValue();
    }
}
