package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against RFC 6962's definitions and, for proofs, against the verification algorithms of RFC 9162
 * section 2.1.3.2 and 2.1.4.2, written here independently of the code under test.
 */
class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static byte[] sha256(int prefix, byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        if (prefix >= 0) {
            digest.update((byte) prefix);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    @Test
    void hashesLeavesAndNodesWithTheDomainSeparationPrefixes() throws Exception {
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(sha256(0x00, data), MerkleTree.leafHash(data));
        byte[] a = sha256(-1, "a".getBytes()), b = sha256(-1, "b".getBytes());
        assertArrayEquals(sha256(0x01, a, b), MerkleTree.nodeHash(a, b));
        // RFC 6962: the hash of an empty tree is the hash of an empty string
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(MerkleTree.root(List.of())));
    }

    @Test
    void splitsAtTheLargestPowerOfTwoBelowN() throws Exception {
        List<byte[]> l = leaves(5);
        byte[] left = MerkleTree.nodeHash(MerkleTree.nodeHash(l.get(0), l.get(1)), MerkleTree.nodeHash(l.get(2), l.get(3)));
        assertArrayEquals(MerkleTree.nodeHash(left, l.get(4)), MerkleTree.root(l));
        List<byte[]> three = leaves(3);
        assertArrayEquals(MerkleTree.nodeHash(MerkleTree.nodeHash(three.get(0), three.get(1)), three.get(2)),
                MerkleTree.root(three));
    }

    @Test
    void theFrontierGivesTheSameRootAsTheFullTreeAtEverySizeAndSurvivesEncoding() {
        List<byte[]> l = leaves(300);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int n = 1; n <= l.size(); n++) {
            frontier.append(l.get(n - 1));
            frontier = MerkleFrontier.decode(frontier.encode());
            assertArrayEquals(MerkleTree.root(l, 0, n), frontier.root(), "size " + n);
            assertEquals(n, frontier.size());
        }
        assertThrows(IllegalArgumentException.class, () -> MerkleFrontier.decode("3:" + "00".repeat(32)));
    }

    @Test
    void everyInclusionProofVerifiesWithTheRfc9162AlgorithmAndNoWrongOneDoes() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> l = leaves(n);
            byte[] root = MerkleTree.root(l);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(l, m);
                assertTrue(verifyInclusion(m, n, l.get(m), path, root), "leaf " + m + " of " + n);
                if (n > 1) {
                    assertFalse(verifyInclusion((m + 1) % n, n, l.get(m), path, root), "wrong index " + m + "/" + n);
                    byte[] forged = l.get(m).clone();
                    forged[0] ^= 1;
                    assertFalse(verifyInclusion(m, n, forged, path, root));
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesWithTheRfc9162AlgorithmAndATamperedPrefixDoesNot() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> l = leaves(n);
            byte[] second = MerkleTree.root(l);
            for (int m = 1; m <= n; m++) {
                byte[] first = MerkleTree.root(l, 0, m);
                List<byte[]> proof = MerkleTree.consistencyProof(l, m);
                assertTrue(verifyConsistency(m, n, first, second, proof), m + " -> " + n);
                if (m < n) {
                    List<byte[]> other = new ArrayList<>(l);
                    other.set(0, MerkleTree.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
                    assertFalse(verifyConsistency(m, n, MerkleTree.root(other, 0, m), second, proof),
                            "a changed early event is caught " + m + " -> " + n);
                }
            }
        }
    }

    /** RFC 9162 2.1.3.2, verbatim in structure. */
    static boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2, verbatim in structure. */
    static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        if ((fn & 1) == 1) {
            while ((fn & 1) == 1) {
                fn >>= 1;
                sn >>= 1;
            }
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
    }

    private static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0x01);
            digest.update(left);
            return digest.digest(right);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
