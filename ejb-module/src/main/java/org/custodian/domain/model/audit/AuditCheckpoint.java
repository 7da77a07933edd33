package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement that the audit trail had {@code treeSize} events whose RFC 6962 tree root is
 * {@code rootHash} (and whose chain ended in {@code chainHash}) at {@code createdAt}. Anyone with the public
 * key can check it; with the consistency proofs between checkpoints, no past event can change unnoticed.
 *
 * <p>Signed bytes (UTF-8, each line ending in a line feed, see docs/audit-format.md):
 * <pre>
 * custodian-checkpoint-v1
 * tree-size &lt;decimal&gt;
 * root &lt;64 lower-case hex&gt;
 * chain &lt;64 lower-case hex&gt;
 * time &lt;ISO-8601 UTC, three fraction digits, Z&gt;
 * </pre>
 */
@Entity
@Table(name = "audit_checkpoint")
@NamedQuery(name = "AuditCheckpoint.findAll", query = "SELECT c FROM AuditCheckpoint c ORDER BY c.treeSize")
@NamedQuery(name = "AuditCheckpoint.findLatest", query = "SELECT c FROM AuditCheckpoint c ORDER BY c.treeSize DESC")
@NamedQuery(name = "AuditCheckpoint.findBetween", query = "SELECT c FROM AuditCheckpoint c"
        + " WHERE c.treeSize >= :from AND c.treeSize <= :to ORDER BY c.treeSize")
public class AuditCheckpoint {

    public static final String FORMAT = "custodian-checkpoint-v1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Id
    @Column(name = "tree_size")
    private long treeSize;

    @Column(name = "root_hash", nullable = false, length = 64)
    private String rootHash;

    @Column(name = "chain_hash", nullable = false, length = 64)
    private String chainHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    /** Base64 of the signature over {@link #signedBytes()}. */
    @Column(nullable = false, length = 200)
    private String signature;

    protected AuditCheckpoint() {
        // for JPA
    }

    public AuditCheckpoint(long treeSize, String rootHash, String chainHash, Instant createdAt, String algorithm,
            String keyId, String signature) {
        this.treeSize = treeSize;
        this.rootHash = rootHash;
        this.chainHash = chainHash;
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.signature = signature;
    }

    public static byte[] signedBytes(long treeSize, String rootHash, String chainHash, Instant createdAt) {
        return (FORMAT + "\n"
                + "tree-size " + treeSize + "\n"
                + "root " + rootHash + "\n"
                + "chain " + chainHash + "\n"
                + "time " + TIME.format(createdAt.truncatedTo(ChronoUnit.MILLIS)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, chainHash, createdAt);
    }

    public static String formatTime(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public long getTreeSize() {
        return treeSize;
    }

    public String getRootHash() {
        return rootHash;
    }

    public String getChainHash() {
        return chainHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getSignature() {
        return signature;
    }
}
