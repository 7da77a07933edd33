package org.custodian.domain.model.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 (Certificate Transparency) Merkle tree hashing over the audit events in sequence order: leaf
 * {@code SHA-256(0x00 || event bytes)}, node {@code SHA-256(0x01 || left || right)}, the tree of n leaves split
 * at the largest power of two below n. Root, inclusion paths and consistency proofs follow RFC 6962 section 2.1
 * literally; the leaves are given as their hashes (index 0 is sequence 1).
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] eventBytes) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(eventBytes);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** MTH(D[n]) of the leaves {@code [from, to)}; the empty tree hashes to SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256().digest();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    public static byte[] root(List<byte[]> leaves) {
        return root(leaves, 0, leaves.size());
    }

    /** MTH of the leaves {@code [from, to)} of a tree, however the hashes are at hand. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] root(long from, long to);
    }

    private static Subtrees of(List<byte[]> leaves) {
        return (from, to) -> root(leaves, (int) from, (int) to);
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code leaves.size()} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        return inclusionProof(of(leaves), leaves.size(), index);
    }

    /** PATH(m, D[n]) of leaf {@code index} in the tree of {@code size} leaves whose subtrees {@code tree} hashes. */
    public static List<byte[]> inclusionProof(Subtrees tree, long size, long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(tree, m, from, from + k, out);
            out.add(tree.root(from + k, to));
        } else {
            path(tree, m - k, from + k, to, out);
            out.add(tree.root(from, from + k));
        }
    }

    /** PROOF(m, D[n]): proves the tree of the first {@code m} leaves is a prefix of the tree of all of them. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m) {
        return consistencyProof(of(leaves), leaves.size(), m);
    }

    /** PROOF(m, D[n]) for a tree of {@code size} leaves whose subtrees {@code tree} hashes. */
    public static List<byte[]> consistencyProof(Subtrees tree, long size, long m) {
        if (m < 1 || m > size) {
            throw new IllegalArgumentException("cannot prove " + m + " consistent with " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(tree, m, 0, size, true, proof);
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long from, long to, boolean complete, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(tree.root(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(tree, m, from, from + k, complete, out);
            out.add(tree.root(from + k, to));
        } else {
            subproof(tree, m - k, from + k, to, false, out);
            out.add(tree.root(from, from + k));
        }
    }

    /** The largest power of two strictly below {@code n} (n at least 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** One digest per thread, reset before use: verification hashes millions of times in a row. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    static MessageDigest sha256() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }
}
