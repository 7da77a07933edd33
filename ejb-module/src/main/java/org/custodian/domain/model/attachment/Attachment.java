package org.custodian.domain.model.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file attached to a ticket (#24): what it is (name, types, size, the SHA-256 of its plaintext) and where it came
 * from (an upload by a user, a mail by its Message-ID). The content is never here: it is kept encrypted under the
 * data key of the ticket's customer, in chunks, and erasing the customer destroys that key.
 */
@Entity
@Table(name = "attachment")
@NamedQuery(name = "Attachment.findByTicket", query = "SELECT a FROM Attachment a WHERE a.ticketId = :ticketId"
        + " ORDER BY a.id")
@NamedQuery(name = "Attachment.bytesOnTicket", query = "SELECT COALESCE(SUM(a.sizeBytes), 0) FROM Attachment a"
        + " WHERE a.ticketId = :ticketId")
public class Attachment {

    public static final int MAX_FILENAME = 255;

    /** Where an attachment came from. */
    public enum Source { UPLOAD, MAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false, length = MAX_FILENAME)
    private String filename;

    @Column(name = "declared_type", nullable = false, length = 127)
    private String declaredType;

    /** The type the bytes bear out (sniffed), as the download names it. */
    @Column(name = "content_type", nullable = false, length = 127)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "source_kind", nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source sourceKind;

    /** The uploading user's name, or the mail's Message-ID. */
    @Column(name = "source_ref", nullable = false, length = 998)
    private String sourceRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** What the PII scan of a text attachment found, as {@code TYPE=count} pairs; null when not scanned. */
    @Column(name = "pii_summary", length = 400)
    private String piiSummary;

    /** Card numbers or secrets found: the agent is warned before passing the file on. */
    @Column(nullable = false)
    private boolean flagged;

    /** SHA-256 of the stored OpenPGP message (all chunks in order): checked without any key (integrity, restore). */
    @Column(name = "cipher_sha256", length = 64)
    private String cipherSha256;

    /** How many chunks the message was written in (seq 0 .. chunkCount - 1). */
    @Column(name = "chunk_count")
    private Integer chunkCount;

    protected Attachment() {
        // for JPA
    }

    public Attachment(long ticketId, long customerId, String filename, String declaredType, String contentType,
            Source source, String sourceRef, Instant now) {
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.filename = filename;
        this.declaredType = declaredType;
        this.contentType = contentType;
        this.sourceKind = source;
        this.sourceRef = sourceRef.length() > 998 ? sourceRef.substring(0, 998) : sourceRef;
        this.createdAt = now;
        this.contentSha256 = "0".repeat(64);
    }

    /** Once the content is stored: its size and hash, and what the scan found. */
    public void stored(long size, String sha256, String piiSummary, boolean flagged) {
        this.sizeBytes = size;
        this.contentSha256 = sha256;
        this.piiSummary = piiSummary;
        this.flagged = flagged;
    }

    /** A later scan of the text read the content again: what it found now (the content itself is unchanged). */
    public void rescanned(String piiSummary, boolean flagged) {
        this.piiSummary = piiSummary;
        this.flagged = flagged;
    }

    /** Once the ciphertext is written: its hash and chunk count, which integrity checks and restores verify. */
    public void sealed(String cipherSha256, int chunkCount) {
        this.cipherSha256 = cipherSha256;
        this.chunkCount = chunkCount;
    }

    public String getCipherSha256() {
        return cipherSha256;
    }

    public Integer getChunkCount() {
        return chunkCount;
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getFilename() {
        return filename;
    }

    public String getDeclaredType() {
        return declaredType;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public Source getSourceKind() {
        return sourceKind;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getPiiSummary() {
        return piiSummary;
    }

    public boolean isFlagged() {
        return flagged;
    }
}
