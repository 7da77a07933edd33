package org.custodian.application.audit;

/**
 * Result of a verification: {@code firstBadSequence} and {@code reason} are null when the trail is intact;
 * {@code checkpoints} counts the signed checkpoints whose roots and signatures were confirmed.
 */
public record AuditVerification(String status, long events, Long firstBadSequence, int checkpoints, String reason) {

    public static final String OK = "OK";
    public static final String BROKEN = "BROKEN";

    public static AuditVerification of(boolean intact, long events, Long firstBadSequence) {
        return of(intact, events, firstBadSequence, 0, null);
    }

    public static AuditVerification of(boolean intact, long events, Long firstBadSequence, int checkpoints,
            String reason) {
        return intact ? new AuditVerification(OK, events, null, checkpoints, null)
                : new AuditVerification(BROKEN, events, firstBadSequence, checkpoints, reason);
    }
}
