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

    /** @param leavesAfter the leaf hashes of the events after the pruning point, in order */
    public PrunedTree(MerkleFrontier frontier, List<byte[]> leavesAfter) {
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
    }

    /** Leaves in the tree (pruned ones included). */
    public long size() {
        return prunedTo + leavesAfter.size();
    }

    /** The leaf hash of leaf {@code index} (0 is sequence 1); only leaves after the pruning point are at hand. */
    public byte[] leaf(long index) {
        if (index < prunedTo) {
            throw new IllegalArgumentException("leaf " + index + " was pruned");
        }
        return leavesAfter.get((int) (index - prunedTo));
    }

    @Override
    public byte[] root(long from, long to) {
        if (from >= prunedTo) {
            return MerkleTree.root(leavesAfter, (int) (from - prunedTo), (int) (to - prunedTo));
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
