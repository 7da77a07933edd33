package org.custodian.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.sla.SlaAlarmRecompute;

/**
 * {@link SlaAlarmRecompute} as four UPDATE statements in two transactions that run side by side (JIT off: it
 * compiles for longer than these plain scans run): the alarm rule is the one of
 * {@code SlaClock.rearm} (running and not paused: the warning until it is marked, then the due time until the breach
 * is marked), the due time the one of {@code SlaClocks.settle} (the earliest due of the running clocks, none while
 * paused). Each statement writes only rows whose value differs ({@code IS DISTINCT FROM}).
 */
@ApplicationScoped
public class JdbcSlaAlarmRecompute implements SlaAlarmRecompute {

    /** Met or stopped clocks have no alarm (the partial index on alarm_at finds any that still have one). */
    static final String CLEAR_DONE = "update sla_clock set alarm_at = null where alarm_at is not null"
            + " and (met_at is not null or stopped_at is not null)";
    /** The alarm rule of a running clock; the paused tickets are few (a hashed sub-plan, no join of all clocks). */
    private static final String ALARM = "case when ticket_id in (select ticket_id from ticket_sla"
            + " where paused_at is not null) then null when warned_at is null and breached_at is null then warn_at"
            + " when breached_at is null then due end";
    static final String ALARMS = "update sla_clock set alarm_at = " + ALARM + " where met_at is null"
            + " and stopped_at is null and alarm_at is distinct from (" + ALARM + ")";
    static final String DUE = "update ticket t set sla_due_at = d.due from ("
            + " select r.ticket_id, min(r.due) filter (where s.paused_at is null) as due"
            + " from sla_clock r left join ticket_sla s on s.ticket_id = r.ticket_id"
            + " where r.met_at is null and r.stopped_at is null group by r.ticket_id) d"
            + " where t.id = d.ticket_id and t.sla_due_at is distinct from d.due";
    /** Tickets with a due time but no running clock (all met or stopped). */
    static final String CLEAR_DUE = "update ticket t set sla_due_at = null where t.sla_due_at is not null"
            + " and not exists (select 1 from sla_clock r where r.ticket_id = t.id and r.met_at is null"
            + " and r.stopped_at is null)";

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    /** Runs the tickets' half next to the clocks' half (they write different tables): the container's default. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    public JdbcSlaAlarmRecompute() {
    }

    /** For tests and benchmarks. */
    public JdbcSlaAlarmRecompute(DataSource dataSource, ExecutorService executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /**
     * The clocks' alarms and the tickets' due times at once, each half in a transaction of its own on a connection of
     * its own: the halves read the same clocks but write different tables, and each is complete by itself (the due
     * time does not depend on the alarms). At 1M open tickets each is tens of seconds of row writes (the ticket's
     * wide rows and seven indexes, the clocks' three), so side by side on two cores they take the longer one's time.
     */
    @Override
    public Result recompute() {
        Future<Long> due = executor.submit(() -> inTransaction(DUE, CLEAR_DUE));
        long alarms = inTransaction(CLEAR_DONE, ALARMS);
        try {
            return new Result(alarms, due.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recomputing the SLA due times", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("recomputing the SLA due times failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** The statements in one transaction (the connection's own, or the container's when it is enlisted in one). */
    private long inTransaction(String... updates) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try {
                statement.execute("set local jit = off");
                // the due times group all running clocks by ticket and join them to the tickets: hashed in memory
                // rather than in batches on disk (measured at 1M: the default 4 MB spilled both)
                statement.execute("set local work_mem = '128MB'");
                long corrected = 0;
                for (String update : updates) {
                    corrected += statement.executeUpdate(update);
                }
                if (own) {
                    connection.commit();
                }
                return corrected;
            } catch (SQLException e) {
                if (own) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recomputing the SLA clocks failed: " + e.getMessage(), e);
        }
    }
}
