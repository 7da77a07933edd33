package org.custodian.application.sla;

/** The audit actions, resource types and notification topic of SLA (#25). */
public final class SlaActions {

    /** A business calendar was created or changed (fields: version, time zone). */
    public static final String SLA_CALENDAR_CHANGE = "SLA_CALENDAR_CHANGE";
    /** An SLA policy was created or changed (fields: version, position, targets, active). */
    public static final String SLA_POLICY_CHANGE = "SLA_POLICY_CHANGE";
    /** A clock reached its warning share of the target (fields: clock, due). */
    public static final String SLA_WARNING = "SLA_WARNING";
    /** A clock passed its due time unmet (fields: clock, due, policy); recorded once per clock. */
    public static final String SLA_BREACH = "SLA_BREACH";
    /** A breach routed the ticket to the policy's escalation team (fields: team and assignee before and after). */
    public static final String SLA_ESCALATION = "SLA_ESCALATION";
    /** The SLA report was read (fields: period, grouping). */
    public static final String SLA_REPORT = "SLA_REPORT";
    public static final String REPORT = "REPORT";
    public static final String SLA_CALENDAR = "SLA_CALENDAR";
    public static final String SLA_POLICY = "SLA_POLICY";
    public static final String TICKET = "TICKET";
    /** The notification topic of warnings and breaches. */
    public static final String TOPIC = "SLA";

    private SlaActions() {
    }
}
