package org.custodian.domain.model.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of a trail pruned to {@code frontier.size()} events: the removed leaves are known only through
 * the perfect subtrees of the edge kept at the pruning point, the later ones as leaf hashes. That is enough for
 * every root, inclusion path and consistency proof about events after the pruning point: in RFC 6962's split, a
 * subtree that lies wholly before the point is always one of the edge's perfect subtrees or a union of them (the
 * tree is filled from the left), never a part of one.
 */
public final class PrunedTree implements MerkleTree.Subtrees {

    private final long prunedTo;
    private final long[] peakStarts;
    private final long[] peakEnds;
    private final List<byte[]> peaks;
    private final List<byte[]> leavesAfter;
    /** Subtrees wholly after the pruning point, by absolute leaf index. */
    private final MerkleTree.Subtrees after;
    /** Whether the leaves after the pruning point are at hand ({@link #size()}, {@link #leaf(long)}). */
    private final boolean fromLeaves;

    /** @param leavesAfter the leaf hashes of the events after the pruning point, in order */
    public PrunedTree(MerkleFrontier frontier, List<byte[]> leavesAfter) {
        this(frontier, leavesAfter, null);
    }

    /**
     * A pruned tree whose subtrees after the pruning point come from {@code after} (absolute leaf indices, e.g. a
     * {@link BlockTree}), so that no leaf needs to be at hand here.
     */
    public PrunedTree(MerkleFrontier frontier, MerkleTree.Subtrees after) {
        this(frontier, List.of(), after);
    }

    private PrunedTree(MerkleFrontier frontier, List<byte[]> leavesAfter, MerkleTree.Subtrees after) {
        this.prunedTo = frontier.size();
        this.peaks = frontier.peaks();
        this.peakStarts = new long[peaks.size()];
        this.peakEnds = new long[peaks.size()];
        long start = 0;
        int i = 0;
        for (int bit = 63; bit >= 0; bit--) {
            if ((prunedTo >>> bit & 1) == 1) {
                peakStarts[i] = start;
                start += 1L << bit;
                peakEnds[i++] = start;
            }
        }
        this.leavesAfter = new ArrayList<>(leavesAfter);
        this.fromLeaves = after == null;
        this.after = after != null ? after
                : (from, to) -> MerkleTree.root(this.leavesAfter, (int) (from - prunedTo), (int) (to - prunedTo));
    }

    /** Leaves in the tree (pruned ones included); only of a tree built from leaf hashes. */
    public long size() {
        requireLeaves();
        return prunedTo + leavesAfter.size();
    }

    private void requireLeaves() {
        if (!fromLeaves) {
            throw new UnsupportedOperationException("a tree built from subtrees has no leaves at hand");
        }
    }

    /** The leaf hash of leaf {@code index} (0 is sequence 1); only leaves after the pruning point are at hand. */
    public byte[] leaf(long index) {
        requireLeaves();
        if (index < prunedTo) {
            throw new IllegalArgumentException("leaf " + index + " was pruned");
        }
        return leavesAfter.get((int) (index - prunedTo));
    }

    @Override
    public byte[] root(long from, long to) {
        if (from >= prunedTo) {
            return after.root(from, to);
        }
        if (to <= prunedTo) {
            for (int i = 0; i < peaks.size(); i++) {
                if (peakStarts[i] == from && peakEnds[i] == to) {
                    return peaks.get(i);
                }
                if (peakStarts[i] <= from && to <= peakEnds[i]) {
                    throw new IllegalStateException("the subtree [" + from + ", " + to + ") lies inside a pruned one,"
                            + " [" + peakStarts[i] + ", " + peakEnds[i] + ")");
                }
            }
        }
        long k = MerkleTree.largestPowerOfTwoBelow(to - from);
        return MerkleTree.nodeHash(root(from, from + k), root(from + k, to));
    }

    @Override
    public String toString() {
        return "PrunedTree[prunedTo=" + prunedTo + ", peaks=" + Arrays.toString(peakStarts) + ", after="
                + leavesAfter.size() + "]";
    }
}
