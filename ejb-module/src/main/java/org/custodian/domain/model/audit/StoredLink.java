package org.custodian.domain.model.audit;

/**
 * What verification needs of one stored event: its place in the chain, its stored hashes (lower-case hex as ASCII
 * bytes, the way the database sends them), the two fields that announce a pruning, and the digests computed from
 * its stored content. Verification walks a million of these; reading them does not build a full {@link AuditEvent}.
 * The arrays are the reader's own (the driver's, on PostgreSQL) and are not copied; like any record with arrays,
 * equality is by identity.
 *
 * @param previousHash the stored previous_hash column
 * @param hash the stored hash column
 * @param leafHash the stored leaf_hash column (null in events written before it existed)
 * @param computed the chain and leaf hash of the event's canonical form, rendered from the stored columns
 */
public record StoredLink(long sequence, byte[] previousHash, byte[] hash, byte[] leafHash, String action,
        String resourceId, AuditEvent.Digests computed) {
}
