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

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code leaves.size()} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]): proves the tree of the first {@code m} leaves is a prefix of the tree of all of them. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m) {
        if (m < 1 || m > leaves.size()) {
            throw new IllegalArgumentException("cannot prove " + m + " consistent with " + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leaves, m, 0, leaves.size(), true, proof);
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** The largest power of two strictly below {@code n} (n at least 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
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
