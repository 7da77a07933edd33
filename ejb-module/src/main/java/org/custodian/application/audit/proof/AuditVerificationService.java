package org.custodian.application.audit.proof;

import java.util.List;
import java.util.Optional;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditPrunePoint;

/**
 * Verification of the whole trail: the hash chain, every leaf of the Merkle tree and every signed checkpoint, from
 * the pruning point (if any) to the head. {@link #verify} does it on request; the audit-verify batch job walks the
 * same rules one event at a time, restartably, through the reads below, which check no permission (whoever started
 * the job was allowed to) and join the chunk's transaction.
 */
public interface AuditVerificationService {

    /** Recomputes the whole chain, in sequence order and constant memory (AUDIT_VERIFY permission). */
    AuditVerification verify(Caller caller);

    /** Where the trail was last pruned, if it ever was: a walk starts there. */
    Optional<AuditPrunePoint> prunePoint();

    /** The chain head as committed, without a lock: where a walk ends. */
    AuditChainHead head();

    /** Every signed checkpoint, smallest tree first. */
    List<AuditCheckpoint> checkpoints();

    /** Up to {@code limit} events after {@code afterSequence}, in sequence order. */
    List<AuditEvent> eventsAfter(long afterSequence, int limit);

    /** Whether an AUDIT_PRUNE event after the pruning point announces it (the trail records every pruning). */
    boolean announced(AuditPrunePoint point);

    /** Whether the checkpoint carries a valid signature by the current or a retired key it names. */
    boolean signatureValid(AuditCheckpoint checkpoint);
}
