package org.custodian.application.privacy;

/** The audit actions and resource types of objections and DPIAs (#25). */
public final class PrivacyObligationActions {

    /** An objection stopped purposes for one subject record (fields: request, purposes, already). */
    public static final String CUSTOMER_OBJECT = "CUSTOMER_OBJECT";
    /** A DPIA was written: its first version (fields: version, residualRisk, reviewDate, risks). */
    public static final String DPIA_CREATE = "DPIA_CREATE";
    /** A DPIA got a new version (same fields). */
    public static final String DPIA_CHANGE = "DPIA_CHANGE";
    /** A privacy officer signed off a version (fields: version); DENIED when four eyes refused it. */
    public static final String DPIA_SIGN_OFF = "DPIA_SIGN_OFF";
    public static final String DPIA = "DPIA";

    private PrivacyObligationActions() {
    }
}
