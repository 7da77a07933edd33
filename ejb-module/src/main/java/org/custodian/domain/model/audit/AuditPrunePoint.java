package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the trail was last pruned: events 1 to {@code treeSize} were summarized into daily counts and removed. The
 * chain hash and the Merkle tree's right edge at that size let verification and proofs carry on from here. Only a
 * signed checkpoint's size can be a pruning point, and the edge must hash to that checkpoint's signed root, so a
 * pruning point cannot be invented without the signing key; an AUDIT_PRUNE event after it must announce it.
 */
@Entity
@Table(name = "audit_prune")
@NamedQuery(name = "AuditPrunePoint.findLatest", query = "SELECT p FROM AuditPrunePoint p ORDER BY p.treeSize DESC")
public class AuditPrunePoint {

    /** The action of the event that announces a pruning; its resource id is {@link #announcement()}. */
    public static final String ACTION = "AUDIT_PRUNE";

    @Id
    @Column(name = "tree_size")
    private long treeSize;

    @Column(name = "chain_hash", nullable = false, length = 64)
    private String chainHash;

    @Column(name = "merkle_frontier", nullable = false, length = 4400)
    private String merkleFrontier;

    @Column(name = "pruned_at", nullable = false)
    private Instant prunedAt;

    @Column(nullable = false)
    private Instant cutoff;

    @Column(name = "events_removed", nullable = false)
    private long eventsRemoved;

    @Column(name = "requested_by", nullable = false, length = 256)
    private String requestedBy;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected AuditPrunePoint() {
        // for JPA
    }

    public AuditPrunePoint(long treeSize, String chainHash, MerkleFrontier frontier, Instant prunedAt, Instant cutoff,
            long eventsRemoved, String requestedBy, String reason) {
        if (frontier.size() != treeSize) {
            throw new IllegalArgumentException("the edge covers " + frontier.size() + " events, not " + treeSize);
        }
        this.treeSize = treeSize;
        this.chainHash = chainHash;
        this.merkleFrontier = frontier.encode();
        this.prunedAt = prunedAt;
        this.cutoff = cutoff;
        this.eventsRemoved = eventsRemoved;
        this.requestedBy = requestedBy;
        this.reason = reason;
    }

    /** The resource id of the AUDIT_PRUNE event that announces this pruning. */
    public String announcement() {
        return "1-" + treeSize;
    }

    /**
     * Why this pruning point cannot be trusted, or null: it must be the size of a stored checkpoint whose signature
     * verifies, whose signed root its Merkle edge hashes to, and whose signed chain hash it carries.
     */
    public String anchorProblem(List<AuditCheckpoint> checkpoints, Predicate<AuditCheckpoint> signatureValid) {
        AuditCheckpoint anchor = checkpoints.stream().filter(c -> c.getTreeSize() == treeSize).findFirst()
                .orElse(null);
        if (anchor == null) {
            return "the trail was pruned to " + treeSize + " but no signed checkpoint of that size is stored";
        }
        if (!signatureValid.test(anchor)) {
            return "the signature of checkpoint " + treeSize + ", where the trail was pruned, does not verify";
        }
        if (!HexFormat.of().formatHex(frontier().root()).equals(anchor.getRootHash().trim())) {
            return "the Merkle edge kept where the trail was pruned (" + treeSize + ") does not hash to the signed root";
        }
        if (!chainHash.trim().equals(anchor.getChainHash().trim())) {
            return "the chain hash kept where the trail was pruned (" + treeSize + ") differs from the signed one";
        }
        return null;
    }

    public long getTreeSize() {
        return treeSize;
    }

    public String getChainHash() {
        return chainHash.trim();
    }

    public MerkleFrontier frontier() {
        return MerkleFrontier.decode(merkleFrontier);
    }

    public Instant getPrunedAt() {
        return prunedAt;
    }

    public Instant getCutoff() {
        return cutoff;
    }

    public long getEventsRemoved() {
        return eventsRemoved;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }
}
