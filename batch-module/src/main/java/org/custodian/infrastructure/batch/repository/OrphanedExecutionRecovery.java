package org.custodian.infrastructure.batch.repository;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.audit.AuditOutcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A server killed in the middle of a job (kill -9, power loss) leaves its execution STARTED in the job repository
 * for ever: the JobOperator cannot restart it, and single-instance jobs refuse every new start because one seems to
 * run. At startup, before any job can start on this server, such executions are marked FAILED (their chunks'
 * checkpoints are intact, as they committed with the data), so {@code POST /api/v1/jobs/executions/{id}/restart}
 * resumes them. Assumes one batch server per database, which is how Custodian is deployed
 * ({@code custodian.batch.recover-orphans=false} turns this off where several servers share a job repository).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class OrphanedExecutionRecovery {

    private static final Logger LOG = Logger.getLogger(OrphanedExecutionRecovery.class.getName());

    /** The states of an execution that is still under way; after a restart of the server none of them can be. */
    private static final List<String> UNDER_WAY = List.of("STARTING", "STARTED", "STOPPING");

    static final String EXIT_STATUS = "FAILED: the server stopped while this execution ran (recovered at startup);"
            + " restart it to resume from its last checkpoint";

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @EJB
    private AuditService audit;

    @Inject
    @ConfigProperty(name = "custodian.batch.recover-orphans", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void recover() {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Tables tables = Tables.find(connection.getMetaData(), connection.getSchema());
            if (tables == null) {
                tables = Tables.jberet(connection.getMetaData());
            }
            if (tables == null) {
                return; // no job has ever run: the container creates its tables on first use
            }
            List<Long> orphans = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(tables.selectUnderWay())) {
                for (int i = 0; i < UNDER_WAY.size(); i++) {
                    select.setString(i + 1, UNDER_WAY.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        orphans.add(rows.getLong(1));
                    }
                }
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (long executionId : orphans) {
                markFailed(connection, tables.failExecution(), executionId, now);
                markFailed(connection, tables.failSteps(), executionId, now);
                audit.record(Caller.system("batch-recovery", "startup"), AuditActions.JOB_RECOVERED,
                        AuditActions.JOB, String.valueOf(executionId), List.of("batchStatus=FAILED"),
                        AuditOutcome.SUCCESS);
                LOG.warning("Job execution " + executionId + " was left running by a stopped server; marked FAILED"
                        + " so that it can be restarted from its last checkpoint");
            }
        } catch (SQLException e) {
            // not fatal: the jobs still run; only an orphan, if any, stays unrestartable until the next start
            LOG.log(Level.WARNING, "Could not look for job executions left running by a stopped server", e);
        }
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
     * The container names its tables with a configurable prefix (Payara: {@code jbatch} unless set), so they are
     * found by their fixed suffix; JBeret's (WildFly) by their fixed names in their schema. Table names come from the
     * database's own catalogue or are constants, never from input.
     */
    record Tables(String executions, String steps, String id) {

        /** Where configure-custodian.cli puts WildFly's JBeret repository: a schema of its own, out of Flyway's way. */
        static final String JBERET_SCHEMA = "jberet";

        static Tables find(DatabaseMetaData metaData, String schema) throws SQLException {
            String executions = null;
            String steps = null;
            try (ResultSet rows = metaData.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.endsWith("stepexecutioninstancedata")) {
                        steps = name;
                    } else if (lower.endsWith("executioninstancedata")) {
                        executions = name;
                    }
                }
            }
            return executions == null || steps == null ? null : new Tables(executions, steps, "jobexecid");
        }

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
