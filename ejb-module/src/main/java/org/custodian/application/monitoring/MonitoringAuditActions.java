package org.custodian.application.monitoring;

/** Audit actions of monitoring dedup; the resource is the ticket, the fields name the fingerprint. */
public final class MonitoringAuditActions {

    /** A monitoring event (or incident) opened a ticket under a fingerprint. */
    public static final String MONITORING_OPENED = "MONITORING_OPENED";
    /** A monitoring event with an open ticket's fingerprint became a comment and a count on it. */
    public static final String MONITORING_DEDUP = "MONITORING_DEDUP";
    /** The end of the alert (RECOVERY, OK, RESOLVED) was noted on its ticket (and resolved it, if configured). */
    public static final String MONITORING_RECOVERED = "MONITORING_RECOVERED";

    private MonitoringAuditActions() {
    }
}
