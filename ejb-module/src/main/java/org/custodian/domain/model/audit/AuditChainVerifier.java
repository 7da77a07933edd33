package org.custodian.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the chain in sequence order, one event at a time, so any number of events can be checked
 * in constant memory. The first event that does not verify is remembered; the walk can be resumed
 * from a checkpoint (last verified sequence and hash), which is what the batch job does.
 */
public final class AuditChainVerifier {

    private long expectedSequence;
    /** The hash the next event must point at, as ASCII hex (compared with the stored bytes as read). */
    private byte[] expectedPreviousHash;
    private long verified;
    private Long firstBadSequence;

    public AuditChainVerifier() {
        this(0, AuditEvent.GENESIS_HASH, 0);
    }

    public AuditChainVerifier(long lastVerifiedSequence, String lastVerifiedHash, long verifiedSoFar) {
        this.expectedSequence = lastVerifiedSequence + 1;
        this.expectedPreviousHash = lastVerifiedHash.getBytes(StandardCharsets.UTF_8);
        this.verified = verifiedSoFar;
    }

    /** @return true when the event continues the chain; false (and remembered) at the first break */
    public boolean accept(AuditEvent event) {
        return accept(event, event.digests());
    }

    /** As {@link #accept(AuditEvent)}, with the event's digests already computed by the caller. */
    public boolean accept(AuditEvent event, AuditEvent.Digests computed) {
        return accept(event.link(computed));
    }

    /** As {@link #accept(AuditEvent)}, for an event read as a {@link StoredLink}. */
    public boolean accept(StoredLink link) {
        if (firstBadSequence != null) {
            return false;
        }
        firstBadSequence = firstBadIn(link, expectedSequence, expectedPreviousHash);
        if (firstBadSequence != null) {
            return false;
        }
        expectedSequence++;
        expectedPreviousHash = link.hash();
        verified++;
        return true;
    }

    /**
     * Checks one link on its own: the event must sit at {@code expectedSequence}, point at
     * {@code expectedPreviousHash}, and hash to what it stores.
     *
     * @return null when it does; otherwise the sequence to report as the first bad one (a deleted
     *         event leaves a gap, an inserted or renumbered one breaks the order)
     */
    public static Long firstBadIn(AuditEvent event, long expectedSequence, String expectedPreviousHash) {
        return firstBadIn(event.link(event.digests()), expectedSequence,
                expectedPreviousHash.getBytes(StandardCharsets.UTF_8));
    }

    private static Long firstBadIn(StoredLink link, long expectedSequence, byte[] expectedPreviousHash) {
        if (link.sequence() != expectedSequence) {
            return expectedSequence;
        }
        if (!Arrays.equals(expectedPreviousHash, link.previousHash()) || !Hex.matches(link.hash(), link.computed().hash())) {
            return link.sequence();
        }
        return null;
    }

    /**
     * Checks that the walk reached the head read before it started (events appended later are not
     * part of this verification): events removed from the end are caught here.
     */
    public void finish(long headSequence, String headHash) {
        if (firstBadSequence != null) {
            return;
        }
        long lastVerified = expectedSequence - 1;
        if (lastVerified < headSequence) {
            firstBadSequence = expectedSequence;
        } else if (lastVerified == headSequence
                && !Arrays.equals(expectedPreviousHash, headHash.getBytes(StandardCharsets.UTF_8))) {
            firstBadSequence = headSequence;
        }
    }

    public boolean isIntact() {
        return firstBadSequence == null;
    }

    public Long firstBadSequence() {
        return firstBadSequence;
    }

    public long verifiedCount() {
        return verified;
    }

    public long lastVerifiedSequence() {
        return expectedSequence - 1;
    }

    public String lastVerifiedHash() {
        return new String(expectedPreviousHash, StandardCharsets.UTF_8);
    }
}
