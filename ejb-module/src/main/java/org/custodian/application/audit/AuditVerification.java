package org.custodian.application.audit;

/** Result of a chain verification: {@code firstBadSequence} is null when the chain is intact. */
public record AuditVerification(String status, long events, Long firstBadSequence) {

    public static final String OK = "OK";
    public static final String BROKEN = "BROKEN";

    public static AuditVerification of(boolean intact, long events, Long firstBadSequence) {
        return intact ? new AuditVerification(OK, events, null) : new AuditVerification(BROKEN, events, firstBadSequence);
    }
}
