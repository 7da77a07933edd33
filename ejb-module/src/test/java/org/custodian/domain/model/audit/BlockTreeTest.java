package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Roots and proofs from block roots equal those from all leaves, pruned or not, and read only a few leaves. */
class BlockTreeTest {

    private static List<byte[]> leaves(int n) {
        return PrunedTreeTest.leaves(n);
    }

    private static BlockTree blocks(List<byte[]> all, int blockSize, AtomicLong leavesRead) {
        return new BlockTree(blockSize, (from, to) -> {
            leavesRead.addAndGet(to - from);
            return all.subList((int) from, (int) to);
        }, index -> MerkleTree.root(all.subList((int) index * blockSize, (int) (index + 1) * blockSize)));
    }

    @Test
    void rootsAndProofsFromBlocksAreThoseOfTheLeaves() {
        List<byte[]> all = leaves(70);
        for (int blockSize : new int[] {2, 4, 8, 64}) {
            for (int size = 1; size <= 70; size++) {
                List<byte[]> prefix = all.subList(0, size);
                PrunedTreeTest.assertSameTree(prefix, blocks(prefix, blockSize, new AtomicLong()), 0,
                        "block " + blockSize + ", size " + size);
            }
        }
    }

    @Test
    void aPrunedTreeTakesItsLaterSubtreesFromBlocks() {
        List<byte[]> all = leaves(70);
        for (int prunedTo = 1; prunedTo < 70; prunedTo += 3) {
            for (int size = prunedTo + 1; size <= 70; size++) {
                List<byte[]> prefix = all.subList(0, size);
                MerkleFrontier frontier = new MerkleFrontier();
                prefix.subList(0, prunedTo).forEach(frontier::append);
                int pruned = prunedTo;
                // leaves before the pruning point are gone: reading one fails the test
                BlockTree after = new BlockTree(4, (from, to) -> {
                    assertTrue(from >= pruned, "leaf " + from + " was pruned");
                    return prefix.subList((int) from, (int) to);
                }, index -> {
                    assertTrue(index * 4 >= pruned, "block " + index + " holds pruned leaves");
                    return MerkleTree.root(prefix.subList((int) index * 4, (int) (index + 1) * 4));
                });
                PrunedTreeTest.assertSameTree(prefix, new PrunedTree(frontier, after), prunedTo, prunedTo + "/" + size);
            }
        }
    }

    @Test
    void theEdgeFromSubtreesIsTheEdgeFromAppendingEveryLeaf() {
        List<byte[]> all = leaves(70);
        for (int prunedTo : new int[] {0, 1, 6, 13, 32}) {
            MerkleFrontier pruned = new MerkleFrontier();
            all.subList(0, prunedTo).forEach(pruned::append);
            for (int size = Math.max(1, prunedTo); size <= 70; size++) {
                MerkleFrontier appended = new MerkleFrontier();
                all.subList(0, size).forEach(appended::append);
                MerkleTree.Subtrees tree = new PrunedTree(pruned, blocks(all, 4, new AtomicLong()));
                assertEquals(appended.encode(), MerkleFrontier.of(tree, size).encode(), prunedTo + "/" + size);
            }
        }
        assertEquals(new MerkleFrontier().encode(), MerkleFrontier.of((from, to) -> null, 0).encode());
    }

    @Test
    void aProofReadsAtMostTwoBlocksOfLeaves() {
        List<byte[]> all = leaves(10_000);
        AtomicLong read = new AtomicLong();
        BlockTree tree = blocks(all, 256, read);
        for (int index : new int[] {0, 4_999, 9_216, 9_999}) {
            read.set(0);
            PrunedTreeTest.assertProofs(MerkleTree.inclusionProof(all, index), MerkleTree.inclusionProof(tree, all.size(), index));
            assertTrue(read.get() <= 2 * 256, read.get() + " leaves read for leaf " + index);
        }
        read.set(0);
        PrunedTreeTest.assertProofs(MerkleTree.consistencyProof(all, 6_000), MerkleTree.consistencyProof(tree, all.size(), 6_000));
        assertTrue(read.get() <= 2 * 256, read.get() + " leaves read for a consistency proof");
    }

    @Test
    void aBlockHoldsAPowerOfTwoLeaves() {
        assertThrows(IllegalArgumentException.class, () -> new BlockTree(1000, (f, t) -> List.of(), i -> null));
        assertThrows(IllegalArgumentException.class, () -> new BlockTree(1, (f, t) -> List.of(), i -> null));
    }
}
