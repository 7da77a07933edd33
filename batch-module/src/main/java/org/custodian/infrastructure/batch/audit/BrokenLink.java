package org.custodian.infrastructure.batch.audit;

import java.io.Serializable;

/** A link that does not verify, identified by the sequence to report. */
public record BrokenLink(long sequence) implements Serializable {
}
