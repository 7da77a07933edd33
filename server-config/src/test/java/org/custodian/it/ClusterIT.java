package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes over one database (#26), with short leases (PT6S) and a checkpoint every three seconds:
 * requests alternate between them and the trail is one strict chain; checkpoints are signed once per interval across
 * both; a retention purge on node A, A killed with kill -9 mid-purge: node B fails the execution only after A's
 * lease expired, and its restart on B anonymizes every ticket exactly once.
 */
class ClusterIT {

    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration CHECKPOINT = Duration.ofSeconds(3);
    private static final int TICKETS = 60;

    @Test
    void twoNodesShareTimersJobsAndOneAuditChain() throws Exception {
        ClusterNodes cluster = ClusterNodes.create("cluster", Map.of("CUSTODIAN_CLUSTER_LEASE", LEASE.toString(),
                "CUSTODIAN_AUDIT_CHECKPOINT_INTERVAL", CHECKPOINT.toString()));
        try (RunnableServer a = cluster.start("node-a"); RunnableServer b = cluster.start("node-b");
                ClusterNodes.Consoles consoles = cluster.consoles()) {
            Api[] nodes = {new Api(a.url()), new Api(b.url())};
            assertEquals(2, cluster.count("select count(*) from cluster_node where lease_until > now()"));
            String agentA = nodes[0].token("agent.eu");
            String agentB = nodes[1].token("agent.eu");
            String[] agents = {agentA, agentB};

            // requests alternate: a ticket, a comment and a read, each on the other node than the last
            String category = category();
            TestData.listCategory(nodes[0], category);
            String privacy = nodes[1].token("privacy");
            Reply policy = nodes[1].post("api/v1/retention/policies", privacy, Json.createObjectBuilder()
                    .add("name", "IT cluster " + category).add("categories", Json.createArrayBuilder().add(category))
                    .add("regions", Json.createArrayBuilder()).add("clock", "AFTER_LAST_ACTIVITY").add("days", 1)
                    .add("action", "ANONYMIZE").add("reason", "Cluster test retention rule").build().toString());
            assertEquals(201, policy.status(), policy.toString());
            Reply customer = nodes[0].post("api/v1/customers", agentA, "{\"name\":\"Cluster Customer\",\"region\":"
                    + "\"EU\"}");
            assertEquals(201, customer.status(), customer.toString());
            long customerId = customer.json().getJsonNumber("id").longValue();
            Instant activityFrom = Instant.now();
            long lastTicket = 0;
            for (int i = 0; i < TICKETS; i++) {
                Api node = nodes[i % 2];
                Reply ticket = node.post("api/v1/tickets", agents[i % 2], Json.createObjectBuilder()
                        .add("customerId", customerId).add("subject", "Cluster " + i).add("description",
                                "Mail x" + i + "@example.org").add("category", category).build().toString());
                assertEquals(201, ticket.status(), ticket.toString());
                long id = ticket.json().getJsonNumber("id").longValue();
                lastTicket = id;
                if (i % 6 == 0) {
                    Api other = nodes[(i + 1) % 2];
                    Reply comment = other.post("api/v1/tickets/" + id + "/comments", agents[(i + 1) % 2],
                            "{\"body\":\"Seen on the other node\"}");
                    assertEquals(201, comment.status(), comment.toString());
                    Reply read = node.get("api/v1/tickets/" + id, agents[i % 2]);
                    assertEquals(200, read.status(), read.toString());
                }
            }
            Instant activityTo = Instant.now();
            awaitChained(cluster);
            assertOneChain(cluster, nodes[0]);

            // a policy change on one node applies on the other at its next read (each has its context cached)
            String priority = "api/v1/policy/classifications/ticket.priority";
            assertTrue(nodes[1].get("api/v1/tickets/" + lastTicket, agentB).json().containsKey("priority"));
            Reply relabelled = nodes[0].send("PUT", priority, nodes[0].token("privacy"), "application/json",
                    "{\"classification\":\"RESTRICTED\",\"reason\":\"Cluster test: priority is restricted\"}");
            assertEquals(200, relabelled.status(), relabelled.toString());
            assertFalse(nodes[1].get("api/v1/tickets/" + lastTicket, agentB).json().containsKey("priority"),
                    "B follows the change made on A at its next read");
            Reply back = nodes[1].send("PUT", priority, privacy, "application/json",
                    "{\"classification\":\"INTERNAL\",\"reason\":\"Cluster test: priority is internal again\"}");
            assertEquals(200, back.status(), back.toString());
            assertTrue(nodes[0].get("api/v1/tickets/" + lastTicket, agentA).json().containsKey("priority"),
                    "and A follows the change made on B");

            // checkpoints: one node signs, at most once per interval, while both nodes took writes
            assertEquals(1, cluster.count("select count(distinct node_id) from cluster_timer_lease where task ="
                    + " 'CheckpointSchedule'"));
            long signed = cluster.count("select count(*) from audit_checkpoint where created_at between '"
                    + activityFrom + "' and '" + activityTo.plus(CHECKPOINT) + "'");
            long intervals = Duration.between(activityFrom, activityTo.plus(CHECKPOINT)).toMillis()
                    / CHECKPOINT.toMillis() + 1;
            assertTrue(signed >= 1 && signed <= intervals, signed + " checkpoints in " + intervals + " intervals");
            assertEquals(0, cluster.count("select count(*) from audit_checkpoint c join audit_checkpoint d on"
                    + " d.created_at > c.created_at and d.created_at < c.created_at + interval '2 seconds' where"
                    + " c.created_at > '" + activityFrom + "'"), "no two checkpoints within one interval");
            JsonObject health = nodes[1].health("cluster");
            assertEquals("2", health.getString("nodesAlive"), health.toString());
            assertTrue(health.containsKey("timer.CheckpointSchedule"), health.toString());

            // a purge on A, A killed mid-purge
            cluster.update("update ticket set created_at = now() - interval '4 days', updated_at = now() - interval"
                    + " '3 days' where category = '" + category + "'");
            String operatorA = nodes[0].token("operator");
            String operatorB = nodes[1].token("operator");
            Reply started = nodes[0].post("api/v1/jobs/retention-purge", operatorA, "{\"itemCount\":1}");
            assertEquals(202, started.status(), started.toString());
            long execution = started.json().getJsonNumber("executionId").longValue();
            String anonymized = "select count(*) from audit_event_all where action = 'RETENTION_ANONYMIZE' and"
                    + " resource_id in (select id::text from ticket where category = '" + category + "')";
            Instant until = Instant.now().plusSeconds(60);
            while (cluster.count(anonymized.replace("audit_event_all", "audit_pending")) + cluster.count(
                    anonymized.replace("audit_event_all", "audit_event")) < 3 && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            a.kill();
            long leaseEnd = cluster.count("select floor(extract(epoch from lease_until) * 1000)::bigint from"
                    + " cluster_node where node_name = 'node-a'");
            long done = cluster.count(anonymized.replace("audit_event_all", "audit_pending"))
                    + cluster.count(anonymized.replace("audit_event_all", "audit_event"));
            assertTrue(done > 0 && done < TICKETS, done + " of " + TICKETS + " anonymized when A died");

            // B does not fail it while A's lease lives; then does, and restarts it from its checkpoint
            String status = nodes[1].get("api/v1/jobs/executions/" + execution, operatorB).json().getString("status");
            if (System.currentTimeMillis() < leaseEnd - 500) {
                assertEquals("STARTED", status, "A's lease has not expired yet");
            }
            JsonObject failed = nodes[1].awaitJob(operatorB, execution);
            assertEquals("FAILED", failed.getString("status"), failed.toString());
            assertEquals(1, cluster.count("select count(*) from audit_event where action = 'JOB_RECOVERED' and"
                    + " resource_id = '" + execution + "'"));
            long recoveredAt = cluster.count("select floor(extract(epoch from occurred_at) * 1000)::bigint from"
                    + " audit_event where action = 'JOB_RECOVERED' and resource_id = '" + execution + "'");
            assertTrue(recoveredAt >= leaseEnd, "failed " + (leaseEnd - recoveredAt) + " ms before A's lease expired");
            Reply restart = nodes[1].post("api/v1/jobs/executions/" + execution + "/restart", operatorB, null);
            assertEquals(202, restart.status(), restart.toString());
            JsonObject resumed = nodes[1].awaitJob(operatorB, restart.json().getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
            awaitChained(cluster);
            assertEquals(TICKETS, cluster.count(anonymized.replace("audit_event_all", "audit_event")),
                    "every ticket anonymized");
            assertEquals(TICKETS, cluster.count("select count(distinct resource_id) from audit_event where action ="
                    + " 'RETENTION_ANONYMIZE' and resource_id in (select id::text from ticket where category = '"
                    + category + "')"), "each exactly once");
            assertEquals(0, cluster.count("select count(*) from ticket where category = '" + category
                    + "' and description <> '[anonymized]'"));
            assertOneChain(cluster, nodes[1]);
            assertEquals(0, cluster.count("select count(*) from cluster_timer_lease l join cluster_node n on"
                    + " n.node_id = l.node_id where n.node_name = 'node-a' and l.renewed_at > now() - interval '2"
                    + " seconds'"), "no task runs on the dead node");
        }
    }

    /** A category of this run's own (upper-case letters), listed in the catalogue. */
    private static String category() {
        StringBuilder name = new StringBuilder("CL");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('A' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static void awaitChained(ClusterNodes cluster) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (cluster.count("select count(*) from audit_pending") > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertEquals(0, cluster.count("select count(*) from audit_pending"), "every event chained");
    }

    /** One strict chain: contiguous sequence numbers, each event linked to its predecessor's hash, verified. */
    private static void assertOneChain(ClusterNodes cluster, Api node) throws Exception {
        assertEquals(cluster.count("select max(sequence) - min(sequence) + 1 from audit_event"),
                cluster.count("select count(*) from audit_event"), "no gap");
        assertEquals(0, cluster.count("select count(*) from audit_event e join audit_event p on p.sequence ="
                + " e.sequence - 1 where e.previous_hash <> p.hash"), "no fork");
        JsonObject verified = node.get("api/v1/audit/verify", node.token("auditor")).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
    }
}
