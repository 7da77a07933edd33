package org.custodian.application.audit.proof;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.BlockTree;
import org.custodian.domain.model.audit.MerkleTree;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roots of complete blocks of the trail's Merkle tree, kept in memory once computed (about 200 bytes per block),
 * so that an inclusion or consistency proof about a trail of a million events reads the leaves of a few blocks and
 * about a thousand block roots instead of every leaf (seconds, and the whole trail's leaf hashes in memory, per
 * proof).
 *
 * <p>A root is derived data and is only used while the trail still holds what it was computed from: each is kept
 * with the chain hash of its block's last event, which commits to every event up to there, and is computed again
 * from the stored leaves when the stored hash differs (a restore, another instance's database, a rewritten chain).
 * A stored leaf hash changed on its own leaves the chain hash as it was: proofs keep the root computed before,
 * and verification reports the change. A wrong root could not go unnoticed anyway: a proof built from it does not
 * lead to the signed root.
 */
@ApplicationScoped
class MerkleBlockCache {

    /** Blocks computed from one read of their leaves when a proof meets a run of blocks not known yet. */
    private static final int BLOCKS_PER_READ = 256;

    @Inject
    @ConfigProperty(name = "custodian.audit.proof-block-size", defaultValue = "1024")
    int blockSize;

    private record Block(String endHash, byte[] root) {
    }

    private final ConcurrentMap<Long, Block> blocks = new ConcurrentHashMap<>();

    /** One computation of missing roots at a time: proofs arriving together after a start read the leaves once. */
    private final ReentrantLock computing = new ReentrantLock();

    /** Checks the configured block size when the application starts, not at the first proof. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checkBlockSize();
    }

    @PostConstruct
    void checkBlockSize() {
        if (blockSize < 2 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalStateException("custodian.audit.proof-block-size must be a power of two of 2 or more,"
                    + " not " + blockSize);
        }
    }

    /**
     * The subtrees of the first {@code size} events after the pruning point {@code prunedTo}, by absolute leaf
     * index, from the stored leaf hashes and the blocks' roots.
     *
     * @throws ConflictException when the trail changes under the proof (a pruning removed leaves it needs)
     */
    public MerkleTree.Subtrees tree(AuditEventRepository events, long prunedTo, long size) {
        long firstBlock = (prunedTo + blockSize - 1) / blockSize;
        long endBlock = size / blockSize;
        blocks.keySet().removeIf(index -> index < firstBlock); // pruned: never asked for again
        List<Long> ends = new ArrayList<>();
        for (long block = firstBlock; block < endBlock; block++) {
            ends.add((block + 1) * blockSize);
        }
        Map<Long, String> endHashes = events.chainHashesAt(ends);
        BlockTree.Leaves leaves = (from, to) -> read(events, from, to);
        return new BlockTree(blockSize, leaves, index -> {
            if (index < firstBlock || index >= endBlock) {
                throw new IllegalStateException("block " + index + " is not a complete block after the pruning"
                        + " point of a tree of " + size);
            }
            String endHash = endHashes.get((index + 1) * blockSize);
            byte[] known = known(index, endHash);
            if (known != null) {
                return known;
            }
            computing.lock();
            try {
                known = known(index, endHash); // computed meanwhile by another proof
                return known != null ? known
                        : computeFrom(events, index, Math.min(endBlock, index + BLOCKS_PER_READ), endHashes);
            } finally {
                computing.unlock();
            }
        });
    }

    private byte[] known(long index, String endHash) {
        Block block = blocks.get(index);
        return block != null && block.endHash().equals(endHash) ? block.root() : null;
    }

    /** Computes blocks {@code [first, end)} from one read of their leaves, keeps them, returns the first's root. */
    private byte[] computeFrom(AuditEventRepository events, long first, long end, Map<Long, String> endHashes) {
        List<byte[]> leaves = read(events, first * blockSize, end * blockSize);
        byte[] firstRoot = null;
        for (long index = first; index < end; index++) {
            int offset = (int) ((index - first) * blockSize);
            byte[] root = BlockTree.blockRoot(leaves.subList(offset, offset + blockSize));
            String endHash = endHashes.get((index + 1) * blockSize);
            if (endHash != null) {
                blocks.put(index, new Block(endHash, root));
            }
            if (firstRoot == null) {
                firstRoot = root;
            }
        }
        return firstRoot;
    }

    /** The stored leaf hashes of leaves {@code [from, to)}; all of them, or a conflict. */
    private static List<byte[]> read(AuditEventRepository events, long from, long to) {
        List<byte[]> leaves = events.leafHashes(from, to);
        if (leaves.size() != to - from) {
            throw new ConflictException("the trail was pruned while the proof was computed; ask again");
        }
        return leaves;
    }
}
