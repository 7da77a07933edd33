package org.custodian.application.privacy.breach;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.application.shared.EarliestAlarmTimer;
import org.custodian.application.shared.TimerWatchdog;

/**
 * The one breach timer (#25): a single-action timer that sleeps until the earliest alarm of the register (an index
 * lookup on {@code breach.alarm_at}: the early warning or the 72-hour deadline of a breach not yet notified), warns
 * the privacy officers of every breach due then (set-based, {@link BreachDeadlines#handleDue}), and re-arms for the
 * next. Not persistent: at start it is recomputed
 * from the data, so a warning that fell due while the server was down is sent at start, and once (the breach keeps
 * the mark). Recording a breach re-arms it after its transaction commits.
 */
// LocalBean: implementing Standby would otherwise make it the bean's only view, and @EJB of the class fails
@LocalBean
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BreachTimer extends EarliestAlarmTimer {

    private static final Logger LOG = Logger.getLogger(BreachTimer.class.getName());
    private static final int BATCH = 500;
    /** One wake-up handles at most {@code BATCH * ROUNDS}, then re-arms at once for the rest. */
    private static final int ROUNDS = 20;

    @EJB
    private ClusterNode cluster;

    @EJB
    private BreachDeadlines deadlines;

    public BreachTimer() {
        super("breach-clocks");
    }

    @Override
    protected Instant nextWakeUp() {
        return cluster.wakeNoLaterThanALease(deadlines.earliestAlarm());
    }

    @PostConstruct
    void start() {
        armNext(Duration.ZERO);
    }

    @Timeout
    void wake() {
        fired();
        Instant now = Instant.now();
        // the due breaches as sets of BATCH (a start after a long outage: a few statements, not a loop of
        // transactions); a set that fails is retried one breach at a time, so one bad row spoils no other
        for (int round = 0; round < ROUNDS; round++) {
            int handled;
            try {
                handled = deadlines.handleDue(now, BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The due breaches could not be handled as a set; one at a time instead", e);
                handled = oneByOne(now);
            }
            if (handled < BATCH) {
                break;
            }
        }
        armNext(MIN_DELAY);
    }

    private int oneByOne(Instant now) {
        List<Long> due = deadlines.due(now, BATCH);
        for (Long id : due) {
            try {
                deadlines.handle(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Breach " + id + " could not be handled; retried at the next wake-up", e);
            }
        }
        return 0; // what failed stays due: the next wake-up (MIN_DELAY) tries again rather than this one spinning
    }
}
