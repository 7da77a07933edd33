package org.custodian.infrastructure.batch.repository;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.backup.SchemaVersion;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.application.shared.TimerWatchdog;
import org.custodian.domain.model.audit.AuditOutcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A node killed in the middle of a job (kill -9, power loss) leaves its execution STARTED in the job repository for
 * ever: the JobOperator cannot restart it, and single-instance jobs refuse every new start because one seems to run.
 * Such an execution is marked FAILED (its chunks' checkpoints are intact, as they committed with the data), so
 * {@code POST /api/v1/jobs/executions/{id}/restart} resumes it on any node. With two or more nodes over one database
 * (#26) an execution is an orphan only when the node that runs it (recorded at its start, {@code
 * job_execution_node}) is gone, i.e. its lease expired; one without a recorded node (started before #26) is one too.
 * Looked for at startup and every {@code custodian.cluster.lease} by the node that holds this schedule's lease, under
 * the lock every job start takes, so a start whose node is about to be recorded is never taken for one.
 * {@code custodian.batch.recover-orphans=false} turns it off.
 * <p>
 * It is also the batch module's gate to the migrated schema: its first act asks for the schema version, and that
 * call makes the container finish the {@code DatabaseMigrator} singleton first. A {@code @DependsOn} naming the
 * migrator cannot say it portably, since the migrator lives in another module of the EAR (the EJB jar) and this
 * one in the WAR; the schedules of this module depend on this bean instead.
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
public class OrphanedExecutionRecovery {

    private static final Logger LOG = Logger.getLogger(OrphanedExecutionRecovery.class.getName());

    /** The name of this schedule's lease: the one TimerWatchdog gives it (its class's simple name). */
    static final String TASK = OrphanedExecutionRecovery.class.getSimpleName();

    /** The states of an execution that is still under way; once its node has gone none of them can be. */
    private static final List<String> UNDER_WAY = List.of("STARTING", "STARTED", "STOPPING");

    static final String EXIT_STATUS = "FAILED: the node running this execution stopped (recovered after its lease"
            + " expired); restart it to resume from its last checkpoint";

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @EJB
    private AuditService audit;

    @EJB
    private ClusterNode cluster;

    @Resource
    private TimerService timers;

    @Inject
    SchemaVersion schema;

    @Inject
    @ConfigProperty(name = "custodian.batch.recover-orphans", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void start() {
        String version = schema.current(); // waits for the migrator (see above)
        LOG.fine(() -> "Batch module starts on schema version " + version);
        if (!enabled) {
            return;
        }
        if (cluster.holdsTask(TASK)) {
            recover(); // at once: a single node that restarts finds its own earlier run's orphans here
        }
        long every = cluster.lease().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("orphaned-executions", false));
    }

    /** Only on the node holding the lease (TimerWatchdog); no transaction: each update commits by itself. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        recover();
    }

    /** Ends the schedule at once on undeploy rather than at its next tick. */
    @PreDestroy
    void cancel() {
        TimerWatchdog.cancelAll(timers);
    }

    void recover() {
        try {
            cluster.exclusively(ClusterNode.JOB_START_LOCK, () -> {
                failOrphans();
                return null;
            });
        } catch (RuntimeException e) {
            // not fatal: the jobs still run; only an orphan, if any, stays unrestartable until the next sweep
            LOG.log(Level.WARNING, "Could not mark job executions left running by a stopped node", e);
        }
    }

    private void failOrphans() {
        try (Connection connection = dataSource.getConnection()) {
            Tables jberet = Tables.jberet(connection.getMetaData());
            List<Tables> sets = jberet != null ? List.of(jberet)
                    : Tables.all(connection.getMetaData(), connection.getSchema());
            if (sets.isEmpty()) {
                return; // no job has ever run: the container creates its tables on first use
            }
            // JBeret (WildFly) keeps one repository at a fixed place; elsewhere what the sets of tables call under way,
            // in the server's own job repository (Payara's JobOperator lists only its own JVM's running executions)
            Set<Long> underWay = jberet != null ? jberet.underWay(connection) : underWay(sets, connection);
            Map<Long, Boolean> nodeAlive = underWay.isEmpty() ? Map.of() : cluster.executionNodesAlive(underWay);
            Set<Long> orphans = new TreeSet<>(underWay);
            orphans.removeIf(id -> nodeAlive.getOrDefault(id, false));
            if (orphans.isEmpty()) {
                return;
            }
            Tables tables = Tables.holding(sets, connection, orphans);
            if (tables == null) {
                LOG.warning("Job executions " + orphans + " were left running by a stopped node, but no single set"
                        + " of batch tables " + sets + " holds them all under way; they stay unrestartable (check"
                        + " the batch runtime's table prefix)");
                return;
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (long executionId : orphans) {
                markFailed(connection, tables.failExecution(), executionId, now);
                markFailed(connection, tables.failSteps(), executionId, now);
                cluster.ended(executionId);
                audit.record(Caller.system("batch-recovery", "orphan-sweep"), AuditActions.JOB_RECOVERED,
                        AuditActions.JOB, String.valueOf(executionId), List.of("batchStatus=FAILED"),
                        AuditOutcome.SUCCESS);
                LOG.warning("Job execution " + executionId + " was left running by a stopped node; marked FAILED"
                        + " so that it can be restarted from its last checkpoint");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What any set of tables calls under way and the server's job repository does too (not a stale set's row), of a
     * job by name: the executions a partitioned step runs its partitions in (named after the job and partition) end
     * with their job's execution, and on a live node they run without a node of their own.
     */
    private static Set<Long> underWay(List<Tables> sets, Connection connection) throws SQLException {
        JobOperator operator = BatchRuntime.getJobOperator();
        Set<String> jobs = Set.copyOf(operator.getJobNames());
        Set<Long> ids = new TreeSet<>();
        for (Tables set : sets) {
            for (long id : set.underWay(connection)) {
                try {
                    JobExecution execution = operator.getJobExecution(id);
                    if (jobs.contains(execution.getJobName())
                            && UNDER_WAY.contains(execution.getBatchStatus().name())) {
                        ids.add(id);
                    }
                } catch (NoSuchJobExecutionException e) {
                    // only in a set the runtime does not use
                }
            }
        }
        return ids;
    }

    private static void markFailed(Connection connection, String sql, long executionId, Timestamp now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, "FAILED");
            update.setString(2, EXIT_STATUS);
            update.setTimestamp(3, now);
            update.setLong(4, executionId);
            for (int i = 0; i < UNDER_WAY.size(); i++) {
                update.setString(5 + i, UNDER_WAY.get(i));
            }
            update.executeUpdate();
        }
    }

    /**
     * The container names its tables with a configurable prefix (Payara Micro: {@code jbatch}; Payara Server: the
     * {@code --tablePrefix} of its batch runtime, which takes effect after a restart, so a server deployed to before
     * that restart has two sets), so they are found by their fixed suffix; the set in use is the one that holds the
     * executions the job operator reported under way. JBeret's (WildFly) have fixed names in a schema of their own.
     * Table names come from the database's own catalogue or are constants, never from input.
     */
    record Tables(String executions, String steps, String id) {

        /** Where configure-custodian.cli puts WildFly's JBeret repository: a schema of its own, out of Flyway's way. */
        static final String JBERET_SCHEMA = "jberet";

        /** JBeret's repository (WildFly): JOB_EXECUTION and STEP_EXECUTION in the schema jberet, if it has run. */
        static Tables jberet(DatabaseMetaData metaData) throws SQLException {
            boolean executions = false;
            boolean steps = false;
            try (ResultSet rows = metaData.getTables(null, JBERET_SCHEMA, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    executions |= name.equals("job_execution");
                    steps |= name.equals("step_execution");
                }
            }
            return executions && steps ? new Tables(JBERET_SCHEMA + ".job_execution", JBERET_SCHEMA + ".step_execution",
                    "jobexecutionid") : null;
        }

        static List<Tables> all(DatabaseMetaData metaData, String schema) throws SQLException {
            Set<String> names = new TreeSet<>();
            try (ResultSet rows = metaData.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME"));
                }
            }
            List<Tables> sets = new ArrayList<>();
            for (String name : names) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.endsWith("stepexecutioninstancedata")) {
                    continue;
                }
                String prefix = name.substring(0, name.length() - "stepexecutioninstancedata".length());
                for (String candidate : names) {
                    if (candidate.equalsIgnoreCase(prefix + "executioninstancedata")) {
                        sets.add(new Tables(candidate, name, "jobexecid"));
                    }
                }
            }
            return sets;
        }

        /** The one set whose execution table has every given execution under way, or null if none or several. */
        static Tables holding(List<Tables> sets, Connection connection, Set<Long> executionIds) throws SQLException {
            Tables found = null;
            for (Tables set : sets) {
                if (set.countUnderWay(connection, executionIds) == executionIds.size()) {
                    if (found != null) {
                        return null;
                    }
                    found = set;
                }
            }
            return found;
        }

        private int countUnderWay(Connection connection, Set<Long> executionIds) throws SQLException {
            Set<Long> found = underWay(connection);
            found.retainAll(executionIds);
            return found.size();
        }

        Set<Long> underWay(Connection connection) throws SQLException {
            Set<Long> ids = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(selectUnderWay())) {
                for (int i = 0; i < UNDER_WAY.size(); i++) {
                    select.setString(i + 1, UNDER_WAY.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        }

        String selectUnderWay() {
            return "select " + id + " from " + executions + " where batchstatus in (?, ?, ?)";
        }

        String failExecution() {
            return "update " + executions + " set batchstatus = ?, exitstatus = ?, endtime = ?"
                    + " where " + id + " = ? and batchstatus in (?, ?, ?)";
        }

        String failSteps() {
            return "update " + steps + " set batchstatus = ?, exitstatus = ?, endtime = ?"
                    + " where " + id + " = ? and batchstatus in (?, ?, ?)";
        }
    }
}
