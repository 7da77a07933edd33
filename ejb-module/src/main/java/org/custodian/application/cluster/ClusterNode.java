package org.custodian.application.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.custodian.domain.model.cluster.ClusterMember;
import org.custodian.domain.model.cluster.ClusterRepository;
import org.custodian.domain.model.cluster.TaskLease;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node in the cluster: an id per start (a node that starts again is a new node), the configured name, and a
 * lease in the database renewed every third of {@code custodian.cluster.lease}. A node whose lease expired is gone.
 * Nothing else is exchanged between nodes: the database they share already decides, the same way on Payara Micro,
 * Payara Server and WildFly, so no server's clustering has to be set up for timers and jobs.
 *
 * <p>Bean-managed concurrency: the watchdog of every schedule asks it for the schedule's lease while the heartbeat
 * may be running; the fields it writes are volatile.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Interceptors(TimerWatchdog.class)
@TimerWatchdog.EveryNode
public class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    /**
     * The cluster-wide lock under which a job is checked, started and recorded to its node, and under which orphans
     * are looked for: an execution seen under it without a node is not one whose node is about to be recorded.
     */
    public static final String JOB_START_LOCK = "custodian.job-start";

    /** The cluster as the database sees it now, for the health report. */
    public record Membership(UUID self, List<ClusterMember> nodes, List<TaskLease> tasks) {
    }

    private final UUID id = UUID.randomUUID();

    @Resource
    private TimerService timers;

    @Inject
    private ClusterRepository cluster;

    @Inject
    @ConfigProperty(name = "custodian.cluster.node-name")
    Optional<String> configuredName;

    @Inject
    @ConfigProperty(name = "custodian.cluster.lease", defaultValue = "PT30S")
    Duration lease;

    private String name;
    private volatile boolean peersAlive;

    @PostConstruct
    void join() {
        name = configuredName.map(String::strip).filter(given -> !given.isEmpty()).orElseGet(ClusterNode::hostName);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalStateException("custodian.cluster.lease must be at least PT3S, not " + lease);
        }
        cluster.register(id, name, lease);
        long beat = lease.toMillis() / 3;
        timers.createIntervalTimer(beat, beat, new TimerConfig("cluster-heartbeat", false));
        LOG.info("Cluster node " + name + " (" + id + ") joined with a lease of " + lease);
    }

    /** A clean stop: the row goes, so the tasks this node held move to another at its next tick. */
    @PreDestroy
    void leave() {
        TimerWatchdog.cancelAll(timers);
        try {
            cluster.leave(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove this node's lease; it expires by itself", e);
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void heartbeat() {
        cluster.heartbeat(id, name, lease);
        peersAlive = cluster.nodes().stream().filter(ClusterMember::alive).count() > 1;
    }

    /** This node's id for this start. */
    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** How long a node stays alive without a heartbeat; also how often a standing-by schedule asks again. */
    public Duration lease() {
        return lease;
    }

    /**
     * Whether this node runs the task now: it held it, or the node that held it is gone (then it moves here). A
     * database that does not answer means no: a node that cannot reach it must not run anything.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean holdsTask(String task) {
        try {
            return cluster.holdTask(task, id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not ask for the lease of " + task + "; its tick is skipped here", e);
            return false;
        }
    }

    /**
     * The time a sleeping alarm should wake at: {@code at}, but no later than one lease from now while other nodes
     * are alive, since an earlier alarm set through another node does not reach this node's timer.
     */
    public Instant wakeNoLaterThanALease(Instant at) {
        if (!peersAlive) {
            return at;
        }
        Instant bound = Instant.now().plus(lease);
        return at == null || at.isAfter(bound) ? bound : at;
    }

    /** Records that this node runs (or restarts) the job execution. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void runs(long executionId, String jobName) {
        cluster.recordExecution(executionId, jobName, id);
    }

    /** The executions of these jobs recorded as under way, on any node (some may have ended unrecorded). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<Long> underWay(Set<String> jobNames) {
        return cluster.underWay(jobNames);
    }

    /** The execution ended: it no longer counts as running anywhere. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(long executionId) {
        cluster.ended(executionId);
    }

    /** For the given executions: those recorded to a node, mapped to whether that node is alive. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, Boolean> executionNodesAlive(Set<Long> executionIds) {
        return cluster.executionNodesAlive(executionIds);
    }

    /** Runs {@code work} under the cluster-wide lock {@code name} (a PostgreSQL advisory lock). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T exclusively(String name, Supplier<T> work) {
        return cluster.exclusively(name, work);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Membership membership() {
        return new Membership(id, cluster.nodes(), cluster.taskLeases());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
