package org.custodian.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Verifies the whole trail in one streaming pass and constant memory: the hash chain (via
 * {@link AuditChainVerifier}), each event's stored leaf hash, and every stored checkpoint (its tree root
 * recomputed from the events, its chain hash, its signature). Reports the first bad sequence and why.
 *
 * <p>A chain rewritten consistently after a change (every later hash recomputed) passes the chain check but not
 * the next checkpoint: the first bad sequence is then the first one that checkpoint covers beyond the last good
 * one, since the signed root cannot say which leaf changed.
 */
public final class AuditTrailVerifier {

    private final AuditChainVerifier chain;
    private final MerkleFrontier frontier;
    private final List<AuditCheckpoint> checkpoints;
    private final Predicate<AuditCheckpoint> signatureValid;
    private int nextCheckpoint;
    private long lastGoodCheckpointSize;
    private int checkpointsVerified;
    private Long firstBadSequence;
    private String reason;
    /** The announcement the walk must meet when the trail was pruned (null: none expected, or met). */
    private String expectedAnnouncement;
    private long prunedTo;

    /**
     * @param checkpoints all stored checkpoints, in any order
     * @param signatureValid checks a checkpoint's signature against the trusted key
     */
    public AuditTrailVerifier(List<AuditCheckpoint> checkpoints, Predicate<AuditCheckpoint> signatureValid) {
        this(new AuditChainVerifier(), new MerkleFrontier(), checkpoints, signatureValid, 0);
    }

    /** Resumes after {@code frontier.size()} verified events (a restarted batch job). */
    public AuditTrailVerifier(AuditChainVerifier chain, MerkleFrontier frontier, List<AuditCheckpoint> checkpoints,
            Predicate<AuditCheckpoint> signatureValid, long lastGoodCheckpointSize) {
        this.chain = chain;
        this.frontier = frontier;
        this.checkpoints = new ArrayList<>(checkpoints);
        this.checkpoints.sort((a, b) -> Long.compare(a.getTreeSize(), b.getTreeSize()));
        this.signatureValid = signatureValid;
        this.lastGoodCheckpointSize = lastGoodCheckpointSize;
        while (nextCheckpoint < this.checkpoints.size()
                && this.checkpoints.get(nextCheckpoint).getTreeSize() <= frontier.size()) {
            nextCheckpoint++;
        }
    }

    /**
     * Verifies a trail that may have been pruned: from the pruning point's chain hash and Merkle edge, after
     * checking that point against the signed checkpoint of its size; the walk must also meet the AUDIT_PRUNE event
     * that announced it. Without a pruning point ({@code null}) the walk starts at the genesis.
     */
    public static AuditTrailVerifier startingAt(AuditPrunePoint pruned, List<AuditCheckpoint> checkpoints,
            Predicate<AuditCheckpoint> signatureValid) {
        if (pruned == null) {
            return new AuditTrailVerifier(checkpoints, signatureValid);
        }
        AuditTrailVerifier verifier = new AuditTrailVerifier(
                new AuditChainVerifier(pruned.getTreeSize(), pruned.getChainHash(), 0), pruned.frontier(), checkpoints,
                signatureValid, pruned.getTreeSize());
        verifier.prunedTo = pruned.getTreeSize();
        String problem = pruned.anchorProblem(checkpoints, signatureValid);
        if (problem != null) {
            verifier.fail(pruned.getTreeSize(), problem);
        } else {
            verifier.expectedAnnouncement = pruned.announcement();
        }
        return verifier;
    }

    /** The events 1 to this were pruned (0: none); verification starts after it. */
    public long prunedTo() {
        return prunedTo;
    }

    public boolean accept(AuditEvent event) {
        return accept(event, event.digests());
    }

    /** As {@link #accept(AuditEvent)}, with the event's digests computed beforehand (e.g. on other threads). */
    public boolean accept(AuditEvent event, AuditEvent.Digests digests) {
        return accept(event.link(digests));
    }

    /** As {@link #accept(AuditEvent)}, for an event read as a {@link StoredLink} (its digests computed by the reader). */
    public boolean accept(StoredLink link) {
        if (firstBadSequence != null) {
            return false;
        }
        if (!chain.accept(link)) {
            fail(chain.firstBadSequence(), "the hash chain breaks at sequence " + chain.firstBadSequence()
                    + " (changed, removed, inserted or reordered event)");
            return false;
        }
        byte[] leaf = link.computed().leaf();
        if (link.leafHash() != null && !Hex.matches(link.leafHash(), leaf)) {
            fail(link.sequence(), "the stored leaf hash of sequence " + link.sequence()
                    + " does not match the event");
            return false;
        }
        frontier.append(leaf);
        if (expectedAnnouncement != null && AuditPrunePoint.ACTION.equals(link.action())
                && expectedAnnouncement.equals(link.resourceId())) {
            expectedAnnouncement = null;
        }
        while (nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).getTreeSize() == frontier.size()) {
            if (!checkCheckpoint(checkpoints.get(nextCheckpoint), link)) {
                return false;
            }
            nextCheckpoint++;
        }
        return true;
    }

    private boolean checkCheckpoint(AuditCheckpoint checkpoint, StoredLink last) {
        String problem = null;
        if (!signatureValid.test(checkpoint)) {
            problem = "the signature of checkpoint " + checkpoint.getTreeSize() + " does not verify";
        } else if (!HexFormat.of().formatHex(frontier.root()).equals(checkpoint.getRootHash().trim())) {
            problem = "the events up to " + checkpoint.getTreeSize() + " do not hash to the signed root";
        } else if (!Arrays.equals(last.hash(), checkpoint.getChainHash().trim().getBytes(StandardCharsets.UTF_8))) {
            problem = "the chain hash at " + checkpoint.getTreeSize() + " differs from the signed one";
        }
        if (problem != null) {
            fail(lastGoodCheckpointSize + 1, problem);
            return false;
        }
        lastGoodCheckpointSize = checkpoint.getTreeSize();
        checkpointsVerified++;
        return true;
    }

    /** Ends the walk at the head read before it started: missing tail events and checkpoints beyond it show here. */
    public void finish(long headSequence, String headHash) {
        if (firstBadSequence != null) {
            return;
        }
        chain.finish(headSequence, headHash);
        if (!chain.isIntact()) {
            fail(chain.firstBadSequence(), "events up to the chain head " + headSequence + " are missing from "
                    + chain.firstBadSequence() + " on");
            return;
        }
        if (expectedAnnouncement != null) {
            fail(prunedTo + 1, "the trail was pruned to " + prunedTo + " but no AUDIT_PRUNE event after it records"
                    + " that pruning (events removed without the pruning job?)");
            return;
        }
        if (nextCheckpoint < checkpoints.size()) {
            AuditCheckpoint beyond = checkpoints.get(nextCheckpoint);
            if (beyond.getTreeSize() > headSequence) {
                // a checkpoint signed a longer trail than there is: the tail was cut and the head moved back
                fail(headSequence + 1, "checkpoint " + beyond.getTreeSize() + " covers more events than the trail"
                        + " now has (" + headSequence + ")");
            }
        }
    }

    private void fail(long sequence, String why) {
        firstBadSequence = sequence;
        reason = why;
    }

    public boolean isIntact() {
        return firstBadSequence == null;
    }

    public Long firstBadSequence() {
        return firstBadSequence;
    }

    public String reason() {
        return reason;
    }

    public long verifiedCount() {
        return chain.verifiedCount();
    }

    public int checkpointsVerified() {
        return checkpointsVerified;
    }

    public MerkleFrontier frontier() {
        return frontier;
    }

    public AuditChainVerifier chain() {
        return chain;
    }

    public long lastGoodCheckpointSize() {
        return lastGoodCheckpointSize;
    }
}
