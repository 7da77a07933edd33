package org.custodian.infrastructure.batch.audit;

import java.io.Serializable;

/**
 * Where the reader stands: the last event handed out (its sequence and stored hash) and the chain
 * head captured when the job first started, so a restart checks exactly the same range.
 */
public record AuditChainCheckpoint(long lastSequence, String lastHash, long headSequence, String headHash,
        boolean finished) implements Serializable {

    private static final long serialVersionUID = 1L;
}
