package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of the tamper-evident audit trail. Each event stores the SHA-256 of its canonical
 * form, and the canonical form includes the previous event's hash, so altering, removing or
 * reordering any stored event breaks every hash after it.
 *
 * <p>Canonical form (version {@value #FORMAT}): the UTF-8 bytes of a JSON array, without any
 * white space, of: {@code "custodian-audit-v1"}, sequence (number), occurredAt (ISO-8601 UTC with
 * exactly three fraction digits and a {@code Z}), actor, actorRoles, action, resourceType,
 * resourceId, fields, outcome, requestId, clientAddress, previousHash. Absent values are
 * {@code null}; strings escape only {@code "} and {@code \} (as {@code \"} and {@code \\}) and
 * characters below U+0020 (as backslash, "u00" and two lower-case hex digits).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final String FORMAT = "custodian-audit-v1";
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Id
    private long sequence;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 256)
    private String actor;

    @Column(name = "actor_roles", length = 256)
    private String actorRoles;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "resource_type", length = 64)
    private String resourceType;

    @Column(name = "resource_id", length = 2048)
    private String resourceId;

    @Column(length = 1024)
    private String fields;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AuditOutcome outcome;

    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    /** RFC 6962 leaf hash of the canonical form, stored so that proofs need not re-read every event. */
    @Column(name = "leaf_hash", length = 64)
    private String leafHash;

    protected AuditEvent() {
        // for JPA
    }

    /** Builds the event that follows {@code previousHash} at {@code sequence} and seals it. */
    public AuditEvent(long sequence, Instant occurredAt, AuditRecord record, String previousHash) {
        // The database keeps microseconds at best; the canonical form keeps milliseconds.
        assign(sequence, occurredAt.truncatedTo(ChronoUnit.MILLIS), record, previousHash);
        Digests digests = digests();
        this.hash = HexFormat.of().formatHex(digests.hash());
        this.leafHash = HexFormat.of().formatHex(digests.leaf());
    }

    /**
     * An event as stored, with its stored hashes, for reading without the JPA provider (verification reads a
     * million of them): nothing is recomputed here, so verification still checks what the table holds.
     */
    public static AuditEvent stored(long sequence, Instant occurredAt, AuditRecord record, String previousHash,
            String hash, String leafHash) {
        AuditEvent event = new AuditEvent();
        event.assign(sequence, occurredAt, record, previousHash);
        event.hash = hash;
        event.leafHash = leafHash;
        return event;
    }

    private void assign(long sequence, Instant occurredAt, AuditRecord record, String previousHash) {
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.actor = record.actor();
        this.actorRoles = record.actorRoles();
        this.action = record.action();
        this.resourceType = record.resourceType();
        this.resourceId = record.resourceId();
        this.fields = record.fields();
        this.outcome = record.outcome();
        this.requestId = record.requestId();
        this.clientAddress = record.clientAddress();
        this.previousHash = previousHash;
    }

    public String canonicalForm() {
        return canonicalForm(sequence, occurredAt, actor, actorRoles, action, resourceType, resourceId, fields,
                outcome == null ? null : outcome.name(), requestId, clientAddress, previousHash);
    }

    /** The canonical form from raw column values (used where events are read without JPA, e.g. migrations). */
    public static String canonicalForm(long sequence, Instant occurredAt, String actor, String actorRoles,
            String action, String resourceType, String resourceId, String fields, String outcome, String requestId,
            String clientAddress, String previousHash) {
        return new String(canonicalBytes(sequence, occurredAt, actor, actorRoles, action, resourceType, resourceId,
                fields, outcome, requestId, clientAddress, previousHash), StandardCharsets.UTF_8);
    }

    /** The canonical form as the UTF-8 bytes that are hashed. */
    public static byte[] canonicalBytes(long sequence, Instant occurredAt, String actor, String actorRoles,
            String action, String resourceType, String resourceId, String fields, String outcome, String requestId,
            String clientAddress, String previousHash) {
        return write(new CanonicalBytes(192 + length(actor) + length(actorRoles) + length(action)
                + length(resourceType) + length(resourceId) + length(fields) + length(requestId)
                + length(clientAddress) + length(previousHash)), sequence, occurredAt, actor, actorRoles, action,
                resourceType, resourceId, fields, outcome, requestId, clientAddress, previousHash).toByteArray();
    }

    private static CanonicalBytes write(CanonicalBytes out, long sequence, Instant occurredAt, String actor,
            String actorRoles, String action, String resourceType, String resourceId, String fields, String outcome,
            String requestId, String clientAddress, String previousHash) {
        return out.raw('[').string(FORMAT).raw(',').number(sequence).raw(',')
                .time(occurredAt).raw(',')
                .string(actor).raw(',')
                .string(actorRoles).raw(',')
                .string(action).raw(',')
                .string(resourceType).raw(',')
                .string(resourceId).raw(',')
                .string(fields).raw(',')
                .string(outcome).raw(',')
                .string(requestId).raw(',')
                .string(clientAddress).raw(',')
                .string(previousHash).raw(']');
    }

    /** Each thread's canonical-form writer, reused: verification renders a million events per walk. */
    private static final ThreadLocal<CanonicalBytes> CANONICAL =
            ThreadLocal.withInitial(() -> new CanonicalBytes(1024));

    /** SHA-256(0x00 || canonical form) in lower-case hex: this event's leaf in the RFC 6962 tree. */
    public String computeLeafHash() {
        return HexFormat.of().formatHex(digests().leaf());
    }

    /** SHA-256 of the canonical form, in lower-case hex. */
    public String computeHash() {
        return HexFormat.of().formatHex(digests().hash());
    }

    /** The chain hash and the leaf hash, from one rendering of the canonical form. */
    public Digests digests() {
        CanonicalBytes canonical = write(CANONICAL.get().reset(), sequence, occurredAt, actor, actorRoles, action,
                resourceType, resourceId, fields, outcome == null ? null : outcome.name(), requestId, clientAddress,
                previousHash);
        return digestsOf(canonical);
    }

    /** SHA-256 of the canonical form and SHA-256(0x00 || canonical form), fed from the writer in place. */
    private static Digests digestsOf(CanonicalBytes canonical) {
        MessageDigest sha256 = MerkleTree.sha256();
        canonical.updateDigest(sha256);
        byte[] chainHash = sha256.digest();
        sha256.update((byte) 0x00);
        canonical.updateDigest(sha256);
        return new Digests(chainHash, sha256.digest());
    }

    /**
     * The digests of an event as stored, rendered from the UTF-8 bytes of its text columns as the database sends
     * them: verification hashes a million events without decoding any of them to a String.
     *
     * @param occurredAtMicros occurred_at in microseconds since the epoch (the canonical form keeps milliseconds)
     * @param texts actor, actorRoles, action, resourceType, resourceId, fields, outcome, requestId, clientAddress and
     *        previousHash, in that order (null where absent)
     */
    public static Digests storedDigests(long sequence, long occurredAtMicros, byte[]... texts) {
        if (texts.length != 10) {
            throw new IllegalArgumentException("the canonical form has 10 text values, not " + texts.length);
        }
        CanonicalBytes canonical = CANONICAL.get().reset().prefix(sequence).timeMicros(occurredAtMicros).raw(',')
                .utf8Strings(texts).raw(']');
        return digestsOf(canonical);
    }

    /** This event as verification sees it, with {@code computed} its digests. */
    public StoredLink link(Digests computed) {
        return new StoredLink(sequence, ascii(previousHash), ascii(hash), ascii(leafHash), action, resourceId, computed);
    }

    private static byte[] ascii(String hex) {
        return hex == null ? null : hex.getBytes(StandardCharsets.UTF_8);
    }

    /** @param hash SHA-256 of the canonical form; @param leaf SHA-256(0x00 || canonical form) */
    public record Digests(byte[] hash, byte[] leaf) {

        /** Whether {@code storedHash} (lower-case hex) is this chain hash. */
        public boolean hashMatches(String storedHash) {
            return Hex.matches(storedHash, hash);
        }

        /** Whether {@code storedLeafHash} (lower-case hex) is this leaf hash. */
        public boolean leafMatches(String storedLeafHash) {
            return Hex.matches(storedLeafHash, leaf);
        }
    }

    /** ISO-8601 UTC with three fraction digits and Z, by hand: the formatter is the slowest part of hashing. */
    static String formatTime(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int millis = instant.getNano() / 1_000_000;
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        char[] out = new char[24];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        out[19] = '.';
        put(out, 20, millis, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int length(String value) {
        return value == null ? 4 : value.length();
    }

    public long getSequence() {
        return sequence;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRoles() {
        return actorRoles;
    }

    public String getAction() {
        return action;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getFields() {
        return fields;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }

    public String getLeafHash() {
        return leafHash;
    }
}
