package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.sla.SlaAlarmRecompute;

/**
 * {@link SlaAlarmRecompute} as four UPDATE statements in one transaction (JIT off: it compiles for longer than
 * these plain scans run): the alarm rule is the one of
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

    public JdbcSlaAlarmRecompute() {
    }

    /** For tests and benchmarks. */
    public JdbcSlaAlarmRecompute(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Result recompute() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the timer's start runs outside a container transaction: the statements get one of their own
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try {
                statement.execute("set local jit = off");
                long alarms = statement.executeUpdate(CLEAR_DONE) + statement.executeUpdate(ALARMS);
                long due = statement.executeUpdate(DUE) + statement.executeUpdate(CLEAR_DUE);
                if (own) {
                    connection.commit();
                }
                return new Result(alarms, due);
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
