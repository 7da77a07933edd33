package org.custodian.application.privacy.breach;

import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

/**
 * The personal-data breach register (#25, Art. 33/34 GDPR), for privacy officers (BREACH_MANAGE; auditors read it,
 * BREACH_READ). Every write and its audit event commit together.
 */
public interface BreachService {

    /**
     * Records a breach. With {@code actor}, {@code from} and {@code to} (or an {@code alertId} whose actor and window
     * fill them in) the breach is an access, and its scope is computed from the access reports: whose data the actor
     * read in the window.
     */
    BreachView record(Caller caller, BreachInput input);

    /** What the form starts from when a breach is recorded from an anomaly alert (actor and window filled in). */
    BreachInput proposal(Caller caller, long alertId);

    /** Open breaches first, soonest due first; without the subject lists. */
    PageResult<BreachView> list(Caller caller, int page, int size);

    /** One breach with the subjects its scope names. */
    BreachView get(Caller caller, long id);

    /** Changes the description: only the fields given (non-null) change. */
    BreachView change(Caller caller, long id, BreachChange change);

    /**
     * Records the notification of the supervisory authority (Art. 33(1)).
     *
     * @param notifiedAt ISO-8601 UTC, or null for now
     * @param delayReason required when later than 72 hours after awareness
     */
    BreachView notifyAuthority(Caller caller, long id, String notifiedAt, String reference, String delayReason);

    /** Records that the authority is not notified, the breach being unlikely to result in a risk, and why. */
    BreachView decideNotToNotify(Caller caller, long id, String reason);

    /** Art. 34: whether the data subjects are told, and why. */
    BreachView decideSubjects(Caller caller, long id, Boolean notifySubjects, String reason);

    /** The notification to the authority as a printable HTML page (every value escaped). */
    String draft(Caller caller, long id);

    /**
     * @param awareAt ISO-8601 UTC; null: now
     * @param from the window's start (inclusive), ISO-8601 UTC
     * @param to the window's end (inclusive)
     */
    record BreachInput(String nature, List<String> categories, Long subjectsApprox, Long recordsApprox,
            String consequences, String measures, String awareAt, String actor, String from, String to,
            Long alertId) {
    }

    /** A PATCH: null leaves a field as it is. */
    record BreachChange(String nature, List<String> categories, Long subjectsApprox, Long recordsApprox,
            String consequences, String measures) {
    }

    /**
     * @param subjects the subjects concerned as the register states them: the approximate number given, else the
     *        computed one
     * @param overdue open and past its deadline
     * @param late notified after its deadline
     */
    record BreachView(long id, String status, String nature, List<String> categories, Long subjects, Long records,
            Long subjectsApprox, Long recordsApprox, String consequences, String measures, Instant awareAt,
            Instant dueAt, Instant warnAt, Instant warningSentAt, Instant deadlineSentAt, boolean overdue,
            Instant notifiedAt, String authorityReference, boolean late, String delayReason,
            String noNotificationReason, Boolean notifySubjects, String subjectsReason, String subjectsDecidedBy,
            Instant subjectsDecidedAt, Scope scope, Long alertId, String createdBy, Instant createdAt, long version)
                    implements java.io.Serializable {
    }

    /**
     * The computed scope of an access: the actor, the window, the counts, and (one breach read alone) the subjects.
     *
     * @param truncated the actor read more in the window than was examined: the counts are a lower bound
     */
    record Scope(String actor, Instant from, Instant to, long subjectCount, long recordCount, boolean truncated,
            List<Subject> subjects) implements java.io.Serializable {
    }

    /** A subject by customer id (not by name: the register is no copy of their data), region and records read. */
    record Subject(long customerId, String region, int records) implements java.io.Serializable {
    }
}
