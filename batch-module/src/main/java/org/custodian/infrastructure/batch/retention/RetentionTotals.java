package org.custodian.infrastructure.batch.retention;

import java.io.Serializable;

/** What the writer did so far; the step's persistent user data, so it survives a restart. */
public record RetentionTotals(long anonymized, long deleted, long held, long gone, long skipped)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    static final RetentionTotals NONE = new RetentionTotals(0, 0, 0, 0, 0);

    RetentionTotals plus(long moreAnonymized, long moreDeleted, long moreHeld, long moreGone) {
        return new RetentionTotals(anonymized + moreAnonymized, deleted + moreDeleted, held + moreHeld,
                gone + moreGone, skipped);
    }

    RetentionTotals plusSkipped() {
        return new RetentionTotals(anonymized, deleted, held, gone, skipped + 1);
    }

    static RetentionTotals of(Object persistentUserData) {
        return persistentUserData instanceof RetentionTotals totals ? totals : NONE;
    }
}
