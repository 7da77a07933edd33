package org.custodian.application.privacy.breach;

/** How the audit trail and the notifications name what happens to the breach register (resource BREACH, id). */
public final class BreachActions {

    public static final String BREACH = "BREACH";
    /** A breach recorded (fields: awareAt, due, alert, the scope's actor, window and counts; never the text). */
    public static final String BREACH_RECORD = "BREACH_RECORD";
    /** Its description changed (fields: the names of the fields that changed). */
    public static final String BREACH_CHANGE = "BREACH_CHANGE";
    /** The supervisory authority notified (fields: notifiedAt, late, whether reasons for a delay were given). */
    public static final String BREACH_AUTHORITY_NOTIFIED = "BREACH_AUTHORITY_NOTIFIED";
    /** Decided not to notify the authority (unlikely to result in a risk). */
    public static final String BREACH_NOT_NOTIFIED = "BREACH_NOT_NOTIFIED";
    /** The decision whether to tell the subjects (Art. 34). */
    public static final String BREACH_SUBJECTS_DECISION = "BREACH_SUBJECTS_DECISION";
    /** The register, one breach or its notification draft was read. */
    public static final String BREACH_READ = "BREACH_READ";
    public static final String BREACH_LIST = "BREACH_LIST";
    /** The timer's warnings: the configured point before the deadline, and the deadline passing unnotified. */
    public static final String BREACH_WARNING = "BREACH_WARNING";
    public static final String BREACH_DEADLINE = "BREACH_DEADLINE";
    /** The notification topic of the warnings. */
    public static final String TOPIC = "BREACH_CLOCK";

    private BreachActions() {
    }
}
