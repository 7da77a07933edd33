package org.custodian.application.privacy.breach;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.application.audit.AuditService;
import org.custodian.application.notification.NotificationService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.Breach;
import org.custodian.domain.model.privacy.BreachRepository;
import org.custodian.domain.model.user.Role;

/**
 * What the breach timer does for one breach whose alarm has come, in its own transaction: the early warning or the
 * deadline warning to the privacy officers, each marked on the breach (its row locked meanwhile) so that it is sent
 * once, even when the timer runs again after a restart or on a second node.
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

    /** Handles one breach if its alarm is (still) due; returns what was sent. */
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
        boolean deadline = what == Breach.Due.DEADLINE;
        audit.record(Caller.system(SYSTEM, null), deadline ? BreachActions.BREACH_DEADLINE
                : BreachActions.BREACH_WARNING, BreachActions.BREACH, String.valueOf(id),
                List.of("awareAt=" + breach.getAwareAt(), "due=" + breach.getDueAt()), AuditOutcome.SUCCESS);
        // no personal data in the text: every privacy officer reads it
        notifications.tellRole(Role.PRIVACY_OFFICER, BreachActions.TOPIC, BreachActions.BREACH, String.valueOf(id),
                deadline ? "Breach " + id + ": the 72 hours to notify the supervisory authority ran out at "
                        + breach.getDueAt() + ". Notify it now and give the reasons for the delay (Art. 33(1)),"
                        + " or record why no notification is needed."
                        : "Breach " + id + ": the supervisory authority is to be notified by " + breach.getDueAt()
                        + " (72 hours after awareness); it has not been notified yet.");
        return what;
    }
}
