package org.custodian.domain.model.attachment;

import java.util.List;

/**
 * What a check of the stored attachment content found (#24): every attachment must have all its chunks, numbered
 * 0 to n-1 without a gap, and the chunks in order must hash to the SHA-256 recorded when it was written. The check
 * reads ciphertext only, so it needs no key and also covers customers whose key an erasure destroyed.
 *
 * @param findings at most {@link #MAX_FINDINGS} (the first ones by attachment id); {@code broken} counts them all
 */
public record StoredContentCheck(long attachments, long chunks, long bytes, long broken, List<Finding> findings) {

    public static final int MAX_FINDINGS = 100;

    public StoredContentCheck {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return broken == 0;
    }

    /** One attachment that failed, with its ticket and what is wrong. */
    public record Finding(long attachmentId, long ticketId, String problem) {

        @Override
        public String toString() {
            return "attachment " + attachmentId + " (ticket " + ticketId + "): " + problem;
        }
    }
}
