package org.custodian.application.audit.proof;

/**
 * Result of a verification: {@code firstBadSequence} and {@code reason} are null when the trail is intact;
 * {@code checkpoints} counts the signed checkpoints whose roots and signatures were confirmed; {@code prunedTo} is
 * where the walk started (events 1 to it were pruned to daily counts; 0: never pruned), {@code events} how many
 * events after it were verified.
 */
public record AuditVerification(String status, long events, Long firstBadSequence, int checkpoints, String reason,
        long prunedTo) implements java.io.Serializable {

    public static final String OK = "OK";
    public static final String BROKEN = "BROKEN";

    public static AuditVerification of(boolean intact, long events, Long firstBadSequence) {
        return of(intact, events, firstBadSequence, 0, null, 0);
    }

    public static AuditVerification of(boolean intact, long events, Long firstBadSequence, int checkpoints,
            String reason, long prunedTo) {
        return intact ? new AuditVerification(OK, events, null, checkpoints, null, prunedTo)
                : new AuditVerification(BROKEN, events, firstBadSequence, checkpoints, reason, prunedTo);
    }

    public boolean intact() {
        return OK.equals(status);
    }
}
