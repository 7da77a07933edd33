package org.custodian.application.audit.proof;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditCheckpointRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditPrunePointRepository;
import org.custodian.domain.model.audit.MerkleFrontier;
import org.custodian.domain.model.audit.MerkleTree;
import org.custodian.domain.model.audit.PrunedTree;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultAuditProofService implements AuditProofService {

    private static final int PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditCheckpointRepository checkpoints;

    @Inject
    private AuditPrunePointRepository prunePoints;

    @Inject
    private CheckpointSigner signer;

    @Inject
    private MerkleBlockCache blocks;

    private final Clock clock = Clock.systemUTC();

    @Override
    public CheckpointView checkpointNow(Caller caller) {
        policy.enforce(caller, Permission.AUDIT_PROOF, AuditActions.AUDIT_TRAIL, "checkpoint");
        CheckpointView made = makeCheckpoint();
        if (made == null) {
            throw new ConflictException("the audit trail is empty; there is nothing to checkpoint yet");
        }
        audit.record(caller, AuditActions.AUDIT_CHECKPOINT, AuditActions.AUDIT_TRAIL, String.valueOf(made.treeSize()),
                null, AuditOutcome.SUCCESS);
        return made;
    }

    @Override
    public CheckpointView checkpointIfNewActivity() {
        if (!signer.canSign()) {
            return null;
        }
        long latest = checkpoints.latest().map(AuditCheckpoint::getTreeSize).orElse(0L);
        if (events.readHead().getLastSequence() <= latest) {
            return null;
        }
        return makeCheckpoint();
    }

    /** Under the head's lock: the size, root and chain hash signed are exactly those of one moment. */
    private CheckpointView makeCheckpoint() {
        AuditChainHead head = events.lockHead();
        AuditCheckpoint existing = checkpoints.find(head.getLastSequence()).orElse(null);
        if (existing != null || head.getLastSequence() == 0) {
            return existing == null ? null : view(existing);
        }
        MerkleFrontier frontier = head.frontier();
        String root = HEX.formatHex(frontier.root());
        Instant now = clock.instant();
        String signature = signer.sign(AuditCheckpoint.signedBytes(head.getLastSequence(), root, head.getLastHash(),
                now));
        AuditCheckpoint checkpoint = new AuditCheckpoint(head.getLastSequence(), root, head.getLastHash(), now,
                signer.algorithm(), signer.keyId(), signature);
        checkpoints.store(checkpoint);
        return view(checkpoint);
    }

    @Override
    public Checkpoints checkpoints(Caller caller, int limit) {
        policy.enforce(caller, Permission.AUDIT_PROOF, AuditActions.AUDIT_TRAIL, "checkpoints");
        List<AuditCheckpoint> all = new ArrayList<>(checkpoints.all());
        Collections.reverse(all);
        List<CheckpointView> history = all.stream().limit(limit).map(DefaultAuditProofService::view)
                .toList();
        return new Checkpoints(history.isEmpty() ? null : history.get(0), history, signer.algorithm(),
                signer.keyId(), signer.publicKeyPem());
    }

    @Override
    public InclusionProof inclusionProof(Caller caller, long sequence, long treeSize) {
        policy.enforce(caller, Permission.AUDIT_PROOF, AuditActions.AUDIT_TRAIL, "inclusion");
        long head = events.readHead().getLastSequence();
        AuditPrunePoint pruned = prunePoints.latest().orElse(null);
        long prunedTo = pruned == null ? 0 : pruned.getTreeSize();
        new RuleCheck()
                .require(treeSize >= 1 && treeSize <= head, "treeSize", "must be between 1 and the trail's size " + head)
                .require(sequence >= 1 && sequence <= treeSize, "sequence", "must be between 1 and treeSize")
                .require(sequence > prunedTo, "sequence", "must be after " + prunedTo + ": events 1 to " + prunedTo
                        + " were pruned to daily counts (GET /api/v1/audit/retention)")
                .throwIfAny();
        MerkleTree.Subtrees tree = tree(pruned, treeSize);
        long index = sequence - 1;
        List<String> path = MerkleTree.inclusionProof(tree, treeSize, index).stream().map(HEX::formatHex).toList();
        return new InclusionProof(sequence, index, treeSize, HEX.formatHex(tree.root(index, index + 1)),
                HEX.formatHex(tree.root(0, treeSize)), path,
                checkpoints.find(treeSize).map(DefaultAuditProofService::view).orElse(null));
    }

    @Override
    public ConsistencyProof consistencyProof(Caller caller, long from, long to) {
        policy.enforce(caller, Permission.AUDIT_PROOF, AuditActions.AUDIT_TRAIL, "consistency");
        long head = events.readHead().getLastSequence();
        AuditPrunePoint pruned = prunePoints.latest().orElse(null);
        long prunedTo = pruned == null ? 0 : pruned.getTreeSize();
        new RuleCheck()
                .require(to >= 1 && to <= head, "to", "must be between 1 and the trail's size " + head)
                .require(from >= 1 && from <= to, "from", "must be between 1 and to")
                .require(from >= prunedTo, "from", "must be " + prunedTo + " or more: events 1 to " + prunedTo
                        + " were pruned to daily counts (GET /api/v1/audit/retention)")
                .throwIfAny();
        MerkleTree.Subtrees tree = tree(pruned, to);
        List<String> proof = MerkleTree.consistencyProof(tree, to, from).stream().map(HEX::formatHex).toList();
        return new ConsistencyProof(from, to, HEX.formatHex(tree.root(0, from)),
                HEX.formatHex(tree.root(0, to)), proof,
                checkpoints.find(from).map(DefaultAuditProofService::view).orElse(null),
                checkpoints.find(to).map(DefaultAuditProofService::view).orElse(null));
    }

    /**
     * The tree of the first {@code size} events: block roots and stored leaf hashes after the pruning point
     * ({@link MerkleBlockCache}), and the Merkle edge kept at it for the pruned ones.
     */
    private MerkleTree.Subtrees tree(AuditPrunePoint pruned, long size) {
        long prunedTo = pruned == null ? 0 : pruned.getTreeSize();
        return new PrunedTree(pruned == null ? new MerkleFrontier() : pruned.frontier(),
                blocks.tree(events, prunedTo, size));
    }

    @Override
    public long[] exportRange(Caller caller, Long fromOrNull, Long toOrNull) {
        policy.enforce(caller, Permission.AUDIT_EXPORT, AuditActions.AUDIT_TRAIL, "export");
        long size = events.readHead().getLastSequence();
        long prunedTo = prunePoints.latest().map(AuditPrunePoint::getTreeSize).orElse(0L);
        long from = fromOrNull == null ? prunedTo + 1 : fromOrNull;
        long to = toOrNull == null ? size : toOrNull;
        new RuleCheck()
                .require(from >= 1, "from", "must be 1 or more")
                .require(from > prunedTo, "from", "must be after " + prunedTo + ": events 1 to " + prunedTo
                        + " were pruned to daily counts (GET /api/v1/audit/retention)")
                .require(to >= 1 && to <= size, "to", "must be between 1 and the trail's size " + size)
                .require(from <= to, "from", "must not be after to")
                .throwIfAny();
        return new long[] {from, to};
    }

    @Override
    public void export(Caller caller, Long fromOrNull, Long toOrNull, Consumer<String> line) {
        long[] range = exportRange(caller, fromOrNull, toOrNull);
        long from = range[0];
        long to = range[1];
        // The exporting itself is audited first, so the export ends before its own event; in its own
        // transaction, so the chain head is not locked against every other writer while the export streams.
        audit.recordNow(caller, AuditActions.AUDIT_EXPORT, AuditActions.AUDIT_TRAIL, from + "-" + to, null,
                AuditOutcome.SUCCESS);
        // the tree's edge and the chain hash just before `from`: from the pruning point on, as the trail now starts
        AuditPrunePoint pruned = prunePoints.latest().orElse(null);
        long prunedTo = pruned == null ? 0 : pruned.getTreeSize();
        if (from <= prunedTo) {
            throw new ConflictException("the trail was pruned to " + prunedTo + " after the export was asked for");
        }
        MerkleFrontier before = pruned == null ? new MerkleFrontier() : pruned.frontier();
        String previousHash = pruned == null ? AuditEvent.GENESIS_HASH : pruned.getChainHash();
        if (from - 1 > prunedTo) {
            before = MerkleFrontier.of(tree(pruned, from - 1), from - 1); // from block roots, not every leaf
            previousHash = events.findAfter(from - 2, 1).get(0).getHash();
        }
        AuditExportWriter export = new AuditExportWriter(from, to, before, previousHash, clock.instant(), line);
        long after = from - 1;
        while (after < to) {
            List<AuditEvent> page = events.findAfter(after, (int) Math.min(PAGE, to - after));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent event : page) {
                export.event(event);
            }
            after = page.get(page.size() - 1).getSequence();
        }
        for (AuditCheckpoint checkpoint : checkpoints.between(from, to)) {
            export.checkpoint(checkpoint);
        }
        // without a key there are no checkpoints either: the verifier reports such an export as unsigned
        if (signer.canSign()) {
            export.seal(signer.keyId(), signer::sign);
        }
    }

    static CheckpointView view(AuditCheckpoint checkpoint) {
        return new CheckpointView(checkpoint.getTreeSize(), checkpoint.getRootHash().trim(),
                checkpoint.getChainHash().trim(), AuditCheckpoint.formatTime(checkpoint.getCreatedAt()),
                checkpoint.getAlgorithm(), checkpoint.getKeyId(), checkpoint.getSignature());
    }
}
