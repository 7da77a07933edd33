package org.custodian.domain.model.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Subtree hashes of the trail's Merkle tree from blocks: the leaves are grouped into aligned blocks of
 * {@code blockSize} (a power of two), whose roots are kept once computed, so a proof about a trail of n events
 * hashes about n / blockSize block roots and reads the leaves of a few blocks (those its leaf, the pruning point and
 * the tree's right edge fall in), instead of reading and hashing all n leaves. RFC 6962's split keeps this exact: a
 * subtree of {@code blockSize} leaves or more that starts on a multiple of its size is the MTH of the roots of the
 * blocks it covers, and every other range splits into such subtrees and ranges shorter than a block.
 */
public final class BlockTree implements MerkleTree.Subtrees {

    /** The leaf hashes of leaves {@code [from, to)} (0 is sequence 1), in order. */
    @FunctionalInterface
    public interface Leaves {
        List<byte[]> read(long from, long to);
    }

    /** The root of block {@code index} (its leaves {@code [index * blockSize, (index + 1) * blockSize)}). */
    @FunctionalInterface
    public interface BlockRoots {
        byte[] root(long index);
    }

    private final int blockSize;
    private final Leaves leaves;
    private final BlockRoots blocks;

    public BlockTree(int blockSize, Leaves leaves, BlockRoots blocks) {
        if (blockSize < 2 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("a block holds a power of two leaves (2 or more), not " + blockSize);
        }
        this.blockSize = blockSize;
        this.leaves = leaves;
        this.blocks = blocks;
    }

    @Override
    public byte[] root(long from, long to) {
        long n = to - from;
        if (n < 0) {
            throw new IllegalArgumentException("no subtree [" + from + ", " + to + ")");
        }
        if (n == 0) {
            return MerkleTree.root(List.of());
        }
        if (n >= blockSize && Long.bitCount(n) == 1 && from % n == 0) {
            List<byte[]> roots = new ArrayList<>((int) (n / blockSize));
            for (long block = from / blockSize; block < to / blockSize; block++) {
                roots.add(blocks.root(block));
            }
            return MerkleTree.root(roots);
        }
        if (n <= blockSize && from / blockSize == (to - 1) / blockSize) {
            return MerkleTree.root(leaves.read(from, to));
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        return MerkleTree.nodeHash(root(from, from + k), root(from + k, to));
    }

    /** The root of block {@code index} from its leaves, for a source of block roots to compute what it lacks. */
    public static byte[] blockRoot(List<byte[]> blockLeaves) {
        return MerkleTree.root(blockLeaves);
    }
}
