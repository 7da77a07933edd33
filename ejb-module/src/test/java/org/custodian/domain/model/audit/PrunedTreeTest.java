package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunedTreeTest {

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static PrunedTree pruned(List<byte[]> all, int prunedTo) {
        MerkleFrontier frontier = new MerkleFrontier();
        all.subList(0, prunedTo).forEach(frontier::append);
        return new PrunedTree(frontier, all.subList(prunedTo, all.size()));
    }

    /** Every proof about an event after the pruning point equals the one computed from all leaves. */
    @Test
    void rootsAndProofsAfterThePruningPointAreThoseOfTheWholeTree() {
        List<byte[]> all = leaves(70);
        for (int prunedTo = 1; prunedTo < 70; prunedTo++) {
            for (int size = prunedTo + 1; size <= 70; size++) {
                List<byte[]> prefix = all.subList(0, size);
                PrunedTree tree = pruned(prefix, prunedTo);
                assertEquals(size, tree.size());
                assertSameTree(prefix, tree, prunedTo, prunedTo + "/" + size);
            }
        }
    }

    @Test
    void aPrunedLeafOrAPartOfAPrunedSubtreeIsNotAvailable() {
        PrunedTree tree = pruned(leaves(10), 6);
        assertThrows(IllegalArgumentException.class, () -> tree.leaf(5));
        assertThrows(IllegalStateException.class, () -> tree.root(1, 2));
        assertThrows(IllegalStateException.class, () -> MerkleTree.inclusionProof(tree, 10, 2));
    }

    /**
     * {@code tree} has the root of all {@code leaves}, and every inclusion proof of leaf {@code from} on and every
     * consistency proof from size {@code from} on equal those computed from the leaves.
     */
    static void assertSameTree(List<byte[]> leaves, MerkleTree.Subtrees tree, int from, String what) {
        int size = leaves.size();
        assertArrayEquals(MerkleTree.root(leaves), tree.root(0, size), what);
        for (int index = from; index < size; index++) {
            assertProofs(MerkleTree.inclusionProof(leaves, index), MerkleTree.inclusionProof(tree, size, index));
        }
        for (int m = Math.max(1, from); m <= size; m++) {
            assertProofs(MerkleTree.consistencyProof(leaves, m), MerkleTree.consistencyProof(tree, size, m));
        }
    }

    static void assertProofs(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }
}
