package org.custodian.domain.model.retention;

import java.io.Serializable;

/**
 * What a purge did: tickets examined, anonymized, deleted, kept for a hold, gone before they could be purged,
 * and skipped (with the reason in the trail); and the attachments (#24) removed with the tickets it anonymized or
 * deleted.
 */
public record RetentionProgress(long examined, long anonymized, long deleted, long held, long gone, long skipped,
        long attachments) implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final RetentionProgress NONE = new RetentionProgress(0, 0, 0, 0, 0, 0, 0);

    /** Counts of tickets only (no attachment removed). */
    public RetentionProgress(long examined, long anonymized, long deleted, long held, long gone, long skipped) {
        this(examined, anonymized, deleted, held, gone, skipped, 0);
    }

    public RetentionProgress plus(RetentionProgress more) {
        return new RetentionProgress(examined + more.examined, anonymized + more.anonymized, deleted + more.deleted,
                held + more.held, gone + more.gone, skipped + more.skipped, attachments + more.attachments);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
