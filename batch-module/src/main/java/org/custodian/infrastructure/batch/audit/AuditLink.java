package org.custodian.infrastructure.batch.audit;

import java.io.Serializable;
import org.custodian.domain.model.audit.AuditEvent;

/**
 * One link to check: the event read and what the chain expects there. A link without an event
 * stands for a break found at the end of the walk: events missing from the tail, or a last event
 * whose hash is not the one the chain head recorded.
 */
public record AuditLink(AuditEvent event, long expectedSequence, String expectedPreviousHash) implements Serializable {

    public static AuditLink missingTail(long expectedSequence) {
        return new AuditLink(null, expectedSequence, null);
    }

    /** A break the reader found itself (a leaf or a signed checkpoint that does not match): reported as is. */
    public static AuditLink broken(long sequence) {
        return new AuditLink(null, sequence, null);
    }
}
