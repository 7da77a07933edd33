package org.custodian.application.sla;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.application.shared.EarliestAlarmTimer;
import org.custodian.application.shared.TimerWatchdog;
import org.custodian.domain.model.sla.SlaAlarmRecompute;

/**
 * The one SLA timer (#25): a programmatic single-action timer that sleeps until the earliest alarm of all clocks
 * (an index lookup on {@code sla_clock.alarm_at}), handles every clock due then, and re-arms for the next earliest.
 * No timer per ticket and no loop over all tickets. Not persistent: at start every clock's alarm and every ticket's
 * due time are derived again from the data in a few set-based statements ({@link SlaAlarmRecompute}), so a
 * warning or breach that fell due while the server was down is recorded at start (once: the clock keeps the mark).
 * A change that makes a clock's alarm earlier than the one armed re-arms it after its transaction commits.
 */
// LocalBean: implementing Standby would otherwise make it the bean's only view, and @EJB of the class fails
@LocalBean
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlaTimer extends EarliestAlarmTimer {

    private static final Logger LOG = Logger.getLogger(SlaTimer.class.getName());
    /** Clocks handled per query; one wake-up handles at most {@code BATCH * 20}, then re-arms at once. */
    private static final int BATCH = 100;

    @EJB
    private ClusterNode cluster;

    @EJB
    private SlaDeadlines deadlines;

    @Inject
    private SlaAlarmRecompute recompute;

    public SlaTimer() {
        super("sla-clocks");
    }

    @Override
    protected Instant nextWakeUp() {
        return cluster.wakeNoLaterThanALease(deadlines.earliestAlarm());
    }

    /** At start: every clock's alarm and ticket's due time derived again from the data (set-based), then armed. */
    @PostConstruct
    void start() {
        long began = System.nanoTime();
        try {
            SlaAlarmRecompute.Result fixed = recompute.recompute();
            LOG.info(() -> "SLA clocks recomputed in " + (System.nanoTime() - began) / 1_000_000 + " ms ("
                    + fixed.alarmsCorrected() + " alarm(s), " + fixed.dueTimesCorrected() + " due time(s) corrected)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recomputing the SLA clocks at start failed; the stored alarms stand", e);
        }
        armNext(Duration.ZERO);
    }

    @Timeout
    void wake() {
        fired();
        Instant now = Instant.now();
        int handled = 0;
        for (int round = 0; round < 20; round++) {
            List<Long> due = deadlines.due(now, BATCH);
            for (Long id : due) {
                try {
                    deadlines.handle(id);
                    handled++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "SLA clock " + id + " could not be handled; retried at the next wake-up", e);
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (handled > 0) {
            LOG.fine("SLA timer handled " + handled + " clock(s)");
        }
        armNext(MIN_DELAY);
    }
}
