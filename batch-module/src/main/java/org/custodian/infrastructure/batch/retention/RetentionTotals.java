package org.custodian.infrastructure.batch.retention;

import java.io.Serializable;

/** What the writer did so far; the step's persistent user data, so it survives a restart. */
public record RetentionTotals(long anonymized, long deleted, long held, long gone) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final RetentionTotals NONE = new RetentionTotals(0, 0, 0, 0);

    RetentionTotals plus(long moreAnonymized, long moreDeleted, long moreHeld, long moreGone) {
        return new RetentionTotals(anonymized + moreAnonymized, deleted + moreDeleted, held + moreHeld,
                gone + moreGone);
    }
}
