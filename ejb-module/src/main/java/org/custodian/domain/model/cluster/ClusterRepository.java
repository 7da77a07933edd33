package org.custodian.domain.model.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Node leases, task leases and the node of each job execution, all judged by the database's clock (never a node's),
 * so that nodes whose clocks differ still agree on who is alive.
 */
public interface ClusterRepository {

    /**
     * Registers a starting node with a lease of {@code lease}. The leases of earlier nodes of the same name end at
     * once: a node that starts again under its name is no longer running as the old one.
     */
    void register(UUID id, String name, Duration lease);

    /** Renews the node's lease (registering it again if its row was removed meanwhile). */
    void heartbeat(UUID id, String name, Duration lease);

    /** A node that stops cleanly: its row goes, so its tasks move at once. */
    void leave(UUID id);

    /**
     * Takes or keeps the task for the node: true when the node holds it after the call, i.e. it held it already or
     * its holder is gone. One statement, so two nodes asking at once cannot both get it.
     */
    boolean holdTask(String task, UUID nodeId);

    /** Every node row (alive or recently gone), oldest first. */
    List<ClusterMember> nodes();

    /** Every task lease. */
    List<TaskLease> taskLeases();

    /** Records that the node runs (or restarts) the execution. */
    void recordExecution(long executionId, String jobName, UUID nodeId);

    /** The executions of these jobs recorded as under way, on any node. */
    Set<Long> underWay(Set<String> jobNames);

    /** The execution ended (its end listener ran, or it was failed as an orphan). */
    void ended(long executionId);

    /** For the given executions: the ones recorded to a node, mapped to whether that node is alive. */
    Map<Long, Boolean> executionNodesAlive(Set<Long> executionIds);

    /**
     * Runs {@code work} while holding the cluster-wide lock {@code name} (a PostgreSQL advisory lock of this
     * connection's session), waiting for another node or thread that holds it.
     */
    <T> T exclusively(String name, Supplier<T> work);
}
