package org.custodian.infrastructure.batch.audit;

import java.io.Serializable;

/**
 * Where the reader stands: the last event handed out (its sequence and stored hash), the Merkle tree edge over
 * the events read so far and the size of the last checkpoint that verified, and the chain head captured when
 * the job first started, so a restart checks exactly the same range.
 */
public record AuditChainCheckpoint(long lastSequence, String lastHash, long headSequence, String headHash,
        boolean finished, String frontier, long lastGoodCheckpoint) implements Serializable {

    private static final long serialVersionUID = 2L;

    AuditChainCheckpoint advance(long sequence, String hash, String newFrontier, long goodCheckpoint) {
        return new AuditChainCheckpoint(sequence, hash, headSequence, headHash, false, newFrontier, goodCheckpoint);
    }

    AuditChainCheckpoint finish() {
        return new AuditChainCheckpoint(lastSequence, lastHash, headSequence, headHash, true, frontier,
                lastGoodCheckpoint);
    }
}
