package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.batch.runtime.context.StepContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.custodian.application.audit.proof.AuditVerificationService;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditChainVerifier;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.MerkleFrontier;
import org.custodian.infrastructure.batch.repository.StepPosition;

/**
 * Reads the chain in sequence order, a page at a time, pairing each event with what the chain expects. It resumes
 * from the position committed with the chunks (batch_chunk_position) when there is one, so a range whose broken
 * links were never recorded is read again.
 */
@Dependent
@Named
public class AuditChainReader extends AbstractItemReader {

    /** The trail is read through the verification service, which applies the same rules on request. */
    @EJB
    AuditVerificationService verification;

    @Inject
    @BatchProperty
    String pageSize;

    private final Deque<AuditEvent> buffer = new ArrayDeque<>();
    private AuditChainCheckpoint position;
    private List<AuditCheckpoint> checkpoints;

    /** Set when the pruning point the walk starts from does not match its signed checkpoint. */
    private boolean brokenStart;
    /** Where the trail was pruned (null: never); an AUDIT_PRUNE event after it must announce it. */
    private AuditPrunePoint pruned;

    @Inject
    StepContext step;

    @Inject
    StepPosition committedPosition;

    @Override
    public void open(Serializable checkpoint) {
        checkpoints = verification.checkpoints();
        pruned = verification.prunePoint().orElse(null);
        // the position committed with the chunks wins: WildFly's JBeret saves its checkpoint outside their transaction
        Optional<JsonObject> committed = committedPosition.committed()
                .map(text -> Json.createReader(new StringReader(text)).readObject());
        committedPosition.track(() -> position.encode((Long) step.getPersistentUserData()));
        if (committed.isPresent()) {
            position = AuditChainCheckpoint.decode(committed.get());
            step.setPersistentUserData(AuditChainCheckpoint.firstBad(committed.get()));
        } else if (checkpoint instanceof AuditChainCheckpoint saved) {
            position = saved;
        } else {
            // a pruned trail is walked from its pruning point, as GET /audit/verify does
            AuditChainHead head = verification.head();
            long start = pruned == null ? 0 : pruned.getTreeSize();
            position = new AuditChainCheckpoint(start, pruned == null ? AuditEvent.GENESIS_HASH : pruned.getChainHash(),
                    head.getLastSequence(), head.getLastHash(), false,
                    (pruned == null ? new MerkleFrontier() : pruned.frontier()).encode(), start);
            brokenStart = pruned != null && pruned.anchorProblem(checkpoints, verification::signatureValid) != null;
        }
    }

    @Override
    public Object readItem() {
        if (position.finished()) {
            return null;
        }
        if (brokenStart) {
            brokenStart = false;
            position = position.finish();
            return AuditLink.broken(position.lastSequence());
        }
        if (buffer.isEmpty() && position.lastSequence() < position.headSequence()) {
            buffer.addAll(verification.eventsAfter(position.lastSequence(), pageSize()));
        }
        AuditEvent event = buffer.pollFirst();
        if (event == null || event.getSequence() > position.headSequence()) {
            // the end: the walk must have reached the head, and the head must name the last hash
            AuditChainVerifier end = new AuditChainVerifier(position.lastSequence(), position.lastHash(), 0);
            end.finish(position.headSequence(), position.headHash());
            position = position.finish();
            if (!end.isIntact()) {
                return AuditLink.missingTail(end.firstBadSequence());
            }
            if (pruned != null && pruned.getTreeSize() < position.headSequence() && !verification.announced(pruned)) {
                // events removed up to a real checkpoint without the pruning that records it
                return AuditLink.broken(pruned.getTreeSize() + 1);
            }
            boolean signedBeyondHead = checkpoints.stream().anyMatch(c -> c.getTreeSize() > position.headSequence());
            return signedBeyondHead ? AuditLink.broken(position.headSequence() + 1) : null;
        }
        AuditLink link = new AuditLink(event, position.lastSequence() + 1, position.lastHash());
        // the same leaf and checkpoint rules as GET /audit/verify, one event at a time
        AuditTrailVerifier tree = new AuditTrailVerifier(
                new AuditChainVerifier(event.getSequence() - 1, event.getPreviousHash(), 0),
                MerkleFrontier.decode(position.frontier()), checkpoints, verification::signatureValid,
                position.lastGoodCheckpoint());
        boolean treeIntact = event.getSequence() == position.lastSequence() + 1 && tree.accept(event);
        position = position.advance(event.getSequence(), event.getHash(), tree.frontier().encode(),
                tree.lastGoodCheckpointSize());
        if (!treeIntact && AuditChainVerifier.firstBadIn(event, link.expectedSequence(),
                link.expectedPreviousHash()) == null) {
            // the chain holds here, but the leaf or a signed checkpoint does not
            return AuditLink.broken(tree.firstBadSequence());
        }
        return link;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }

    private int pageSize() {
        try {
            return pageSize == null ? 1000 : Math.max(1, Math.min(10_000, Integer.parseInt(pageSize.trim())));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
