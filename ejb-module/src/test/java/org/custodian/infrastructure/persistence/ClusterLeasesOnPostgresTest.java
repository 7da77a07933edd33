package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.domain.model.cluster.ClusterMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster's leases on a real PostgreSQL (V110, #26): a task stays with its node while that node is alive and moves
 * only when its lease expired; a node that starts again under its name ends its old run's lease; executions are
 * judged by their node; the job-start lock excludes every other session.
 */
class ClusterLeasesOnPostgresTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    private static JdbcClusterRepository cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new JdbcClusterRepository();
        Field field = JdbcClusterRepository.class.getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(cluster, POSTGRES.dataSource());
    }

    @Test
    void aTaskStaysWithItsLiveNodeAndMovesWhenThatNodeIsGone() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        cluster.register(a, "lease-a", LEASE);
        cluster.register(b, "lease-b", LEASE);

        assertTrue(cluster.holdTask("CheckpointSchedule", a), "the first to ask gets it");
        assertFalse(cluster.holdTask("CheckpointSchedule", b), "not while its holder is alive");
        assertTrue(cluster.holdTask("CheckpointSchedule", a), "the holder keeps it");
        assertTrue(cluster.holdTask("SlaTimer", b), "another task can live on another node");

        expire(a);
        assertTrue(cluster.holdTask("CheckpointSchedule", b), "a gone node's task moves");
        cluster.heartbeat(a, "lease-a", LEASE); // back from a long pause: it is alive, but the task stays where it went
        assertFalse(cluster.holdTask("CheckpointSchedule", a));

        cluster.leave(b);
        assertTrue(cluster.holdTask("CheckpointSchedule", a), "a clean stop frees its tasks at once");
        assertTrue(cluster.taskLeases().stream().anyMatch(lease -> lease.task().equals("SlaTimer")
                && lease.nodeId().equals(b)), "held by b until someone asks");
    }

    @Test
    void aNodeStartingAgainUnderItsNameEndsItsPreviousRun() {
        UUID first = UUID.randomUUID();
        UUID again = UUID.randomUUID();
        cluster.register(first, "restarted", LEASE);
        cluster.recordExecution(4711, "retention-purge", first);
        assertEquals(Map.of(4711L, true), cluster.executionNodesAlive(Set.of(4711L, 4712L)));

        cluster.register(again, "restarted", LEASE);
        assertFalse(alive(first));
        assertTrue(alive(again));
        assertEquals(Map.of(4711L, false), cluster.executionNodesAlive(Set.of(4711L)), "its executions are orphans");
        assertEquals(Set.of(4711L), cluster.underWay(Set.of("retention-purge")));
        cluster.ended(4711);
        assertEquals(Set.of(), cluster.underWay(Set.of("retention-purge")), "no longer running anywhere");
    }

    @Test
    void theJobStartLockExcludesEveryOtherSession() throws Exception {
        try (Connection other = POSTGRES.connection()) {
            boolean otherGotIt = cluster.exclusively("custodian.job-start", () -> tryLock(other));
            assertFalse(otherGotIt, "held while the work runs");
            assertTrue(tryLock(other), "released after it");
        }
    }

    private static boolean tryLock(Connection connection) {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "custodian.job-start");
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                boolean got = row.getBoolean(1);
                if (got) {
                    try (Statement unlock = connection.createStatement()) {
                        unlock.execute("select pg_advisory_unlock(hashtext('custodian.job-start'))");
                    }
                }
                return got;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean alive(UUID node) {
        return cluster.nodes().stream().filter(member -> member.id().equals(node)).anyMatch(ClusterMember::alive);
    }

    private static void expire(UUID node) throws Exception {
        try (Connection connection = POSTGRES.connection();
                PreparedStatement statement = connection.prepareStatement("update cluster_node set lease_until ="
                        + " now() - interval '1 second' where node_id = ?")) {
            statement.setObject(1, node);
            statement.executeUpdate();
        }
    }
}
