package org.custodian.application.slo;

/** Audit actions of the governance SLOs; the resource type is {@link #SLO}, the id the objective (or null). */
public final class SloAuditActions {

    public static final String SLO = "SLO";
    /** Someone read the objectives of their remit (JSON, CSV, history or the portal page). */
    public static final String SLO_REPORT = "SLO_REPORT";
    /** The objectives were evaluated (by the timer or on demand), with how many were missed. */
    public static final String SLO_EVALUATE = "SLO_EVALUATE";
    /** An objective became missed: an alert and an incident ticket (or a comment on its open one). */
    public static final String SLO_MISSED = "SLO_MISSED";
    /** An objective missed before is met again: the next miss opens a new incident. */
    public static final String SLO_MET_AGAIN = "SLO_MET_AGAIN";

    private SloAuditActions() {
    }
}
