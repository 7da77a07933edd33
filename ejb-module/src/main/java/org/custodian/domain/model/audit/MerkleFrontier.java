package org.custodian.domain.model.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The right edge of an RFC 6962 tree: the roots of its perfect subtrees, largest first (one per set bit of the
 * leaf count, so at most 64). Appending a leaf and taking the root are O(log n) without reading earlier leaves,
 * which is how the chain head keeps the tree's root current at every append and how verification recomputes
 * checkpoint roots in one streaming pass.
 */
public final class MerkleFrontier {

    private static final HexFormat HEX = HexFormat.of();

    private long size;
    /** Perfect-subtree roots, largest (leftmost) first; their sizes are the set bits of {@code size}. */
    private final List<byte[]> peaks = new ArrayList<>();

    public MerkleFrontier() {
    }

    /**
     * The edge of the tree of the first {@code size} leaves from its perfect subtrees' roots, as {@code tree} hashes
     * them (e.g. from block roots), without appending every leaf.
     */
    public static MerkleFrontier of(MerkleTree.Subtrees tree, long size) {
        MerkleFrontier frontier = new MerkleFrontier();
        long start = 0;
        for (int bit = 62; bit >= 0; bit--) {
            if ((size >>> bit & 1) == 1) {
                frontier.peaks.add(tree.root(start, start + (1L << bit)));
                start += 1L << bit;
            }
        }
        frontier.size = size;
        return frontier;
    }

    public void append(byte[] leafHash) {
        byte[] carry = leafHash;
        long sizeBits = size;
        // merge equal-sized peaks, like a binary counter's carry
        while ((sizeBits & 1) == 1) {
            carry = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), carry);
            sizeBits >>>= 1;
        }
        peaks.add(carry);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (the peaks folded from the right). */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleTree.sha256().digest();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    /** The perfect subtrees' roots, largest (leftmost) first: the first covers leaves [0, highest bit of size). */
    public List<byte[]> peaks() {
        return List.copyOf(peaks);
    }

    /** "size:peak,peak,…" in lower-case hex; what the chain head stores. */
    public String encode() {
        StringBuilder out = new StringBuilder(20 + peaks.size() * 65).append(size).append(':');
        for (int i = 0; i < peaks.size(); i++) {
            out.append(i == 0 ? "" : ",").append(HEX.formatHex(peaks.get(i)));
        }
        return out.toString();
    }

    public static MerkleFrontier decode(String encoded) {
        MerkleFrontier frontier = new MerkleFrontier();
        if (encoded == null || encoded.isEmpty()) {
            return frontier;
        }
        int colon = encoded.indexOf(':');
        frontier.size = Long.parseLong(encoded.substring(0, colon));
        String peaks = encoded.substring(colon + 1);
        if (!peaks.isEmpty()) {
            for (String peak : peaks.split(",")) {
                frontier.peaks.add(HEX.parseHex(peak));
            }
        }
        if (frontier.peaks.size() != Long.bitCount(frontier.size)) {
            throw new IllegalArgumentException("a frontier of " + frontier.size + " leaves has "
                    + Long.bitCount(frontier.size) + " peaks, not " + frontier.peaks.size());
        }
        return frontier;
    }
}
