package org.custodian.application.audit.proof;

import java.util.List;
import java.util.function.Consumer;
import org.custodian.application.shared.Caller;

/**
 * Makes the trail provable to someone who does not trust the server: signed checkpoints of the RFC 6962 tree,
 * inclusion and consistency proofs against them, and an export an auditor verifies offline.
 */
public interface AuditProofService {

    /** A signed checkpoint of the trail as it is now (the latest one when nothing was appended since). */
    CheckpointView checkpointNow(Caller caller);

    /** For the schedule: a checkpoint when there is activity since the last one; null otherwise. */
    CheckpointView checkpointIfNewActivity();

    /** The latest checkpoint, up to {@code limit} earlier ones (newest first) and the key to check them with. */
    Checkpoints checkpoints(Caller caller, int limit);

    InclusionProof inclusionProof(Caller caller, long sequence, long treeSize);

    ConsistencyProof consistencyProof(Caller caller, long from, long to);

    /** Checks permission and range of an export before anything is streamed; returns {from, to} resolved. */
    long[] exportRange(Caller caller, Long from, Long to);

    /**
     * Writes the export of sequences {@code [from, to]} as JSON lines (docs/audit-format.md): a header with the
     * tree edge before {@code from}, the events, the checkpoints they reach, then the seal signed at export time
     * ({@link AuditExportWriter}).
     */
    void export(Caller caller, Long from, Long to, Consumer<String> line);

    record CheckpointView(long treeSize, String rootHash, String chainHash, String createdAt, String algorithm,
            String keyId, String signature) implements java.io.Serializable {
    }

    record Checkpoints(CheckpointView latest, List<CheckpointView> history, String algorithm, String keyId,
            String publicKey) {
    }

    record InclusionProof(long sequence, long leafIndex, long treeSize, String leafHash, String rootHash,
            List<String> path, CheckpointView checkpoint) {
    }

    record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof,
            CheckpointView fromCheckpoint, CheckpointView toCheckpoint) {
    }
}
