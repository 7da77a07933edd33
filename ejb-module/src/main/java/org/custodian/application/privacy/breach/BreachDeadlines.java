package org.custodian.application.privacy.breach;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.audit.AuditService;
import org.custodian.application.notification.NotificationService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.Breach;
import org.custodian.domain.model.privacy.BreachRepository;
import org.custodian.domain.model.user.Role;

/**
 * What the breach timer does for the breaches whose alarm has come, as a set in one transaction (the start-up backlog
 * of a server that was down is one query, not one transaction per breach): the early warning or the deadline
 * warning to the privacy officers, each marked on the breach (its row locked meanwhile) so that it is sent once,
 * even when the timer runs again after a restart or on a second node.
 */
@Stateless
public class BreachDeadlines {

    static final String SYSTEM = "breach-timer";

    @Inject
    private BreachRepository breaches;

    @EJB
    private AuditService audit;

    @EJB
    private NotificationService notifications;

    private final Clock clock = Clock.systemUTC();

    public Instant earliestAlarm() {
        return breaches.earliestAlarm();
    }

    public List<Long> due(Instant now, int limit) {
        return breaches.alarmsDue(now, limit);
    }

    /**
     * Handles every breach due at {@code now} (at most {@code limit}) as one set, in one transaction: one locking
     * query for the rows, each marked in memory, their warnings' audit events chained together, the privacy officers
     * told of each; returns how many breaches were handled (locked), so the timer knows whether more are waiting.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int handleDue(Instant now, int limit) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<Breach> due = breaches.lockAlarmsDue(at, limit);
        List<AuditService.Entry> events = new ArrayList<>();
        for (Breach breach : due) {
            Breach.Due what = breach.fire(at);
            if (what != Breach.Due.NOTHING) {
                events.add(event(breach, what));
                tell(breach, what);
            }
        }
        if (!events.isEmpty()) {
            audit.recordAll(Caller.system(SYSTEM, null), events);
        }
        return due.size();
    }

    /** Handles one breach if its alarm is (still) due; returns what was sent (the fallback when a set fails). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Breach.Due handle(long id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Breach breach = breaches.findForUpdate(id).orElse(null);
        if (breach == null) {
            return Breach.Due.NOTHING;
        }
        Breach.Due what = breach.fire(now);
        if (what == Breach.Due.NOTHING) {
            return what;
        }
        AuditService.Entry event = event(breach, what);
        audit.record(Caller.system(SYSTEM, null), event.action(), event.resourceType(), event.resourceId(),
                event.fields(), event.outcome());
        tell(breach, what);
        return what;
    }

    private static AuditService.Entry event(Breach breach, Breach.Due what) {
        return new AuditService.Entry(what == Breach.Due.DEADLINE ? BreachActions.BREACH_DEADLINE
                : BreachActions.BREACH_WARNING, BreachActions.BREACH, String.valueOf(breach.getId()),
                List.of("awareAt=" + breach.getAwareAt(), "due=" + breach.getDueAt()), AuditOutcome.SUCCESS);
    }

    private void tell(Breach breach, Breach.Due what) {
        long id = breach.getId();
        // no personal data in the text: every privacy officer reads it
        notifications.tellRole(Role.PRIVACY_OFFICER, BreachActions.TOPIC, BreachActions.BREACH, String.valueOf(id),
                what == Breach.Due.DEADLINE ? "Breach " + id + ": the 72 hours to notify the supervisory authority ran"
                        + " out at " + breach.getDueAt() + ". Notify it now and give the reasons for the delay"
                        + " (Art. 33(1)), or record why no notification is needed."
                        : "Breach " + id + ": the supervisory authority is to be notified by " + breach.getDueAt()
                        + " (72 hours after awareness); it has not been notified yet.");
    }
}
