package org.custodian.application.audit.proof;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;
import org.custodian.application.audit.AuditEventJson;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.MerkleFrontier;

/**
 * Writes one audit export ({@value #FORMAT}, docs/audit-format.md) line by line: the header, the events, the
 * checkpoints they reach and, last, the <b>seal</b>: a statement signed now of everything the file claims (range,
 * tree edge, chain head, tree root, newest checkpoint, export time and the SHA-256 of every byte before it). The
 * checkpoints prove the events up to the newest of them; without the seal the header and the events after it would
 * be unsigned, and lines could be cut or forged there unnoticed.
 */
public final class AuditExportWriter {

    public static final String FORMAT = "custodian-audit-export-v2";
    public static final String SEAL_FORMAT = "custodian-export-seal-v1";
    private static final HexFormat HEX = HexFormat.of();

    private final Consumer<String> out;
    private final MessageDigest lines = sha256();
    private final long from;
    private final long to;
    private final String frontierBefore;
    private final String previousHash;
    private final String exportedAt;
    private final MerkleFrontier frontier;
    private long events;
    private String head;
    private AuditCheckpoint newest;

    /**
     * Writes the header of the export of events {@code from..to}.
     *
     * @param before the tree edge of the {@code from - 1} events before the export (appended to from here on)
     * @param previousHash the chain hash of event {@code from - 1}
     */
    public AuditExportWriter(long from, long to, MerkleFrontier before, String previousHash, Instant exportedAt,
            Consumer<String> out) {
        this.out = out;
        this.from = from;
        this.to = to;
        this.frontierBefore = before.encode();
        this.frontier = MerkleFrontier.decode(frontierBefore);
        this.previousHash = previousHash.trim();
        this.exportedAt = AuditCheckpoint.formatTime(exportedAt);
        this.head = this.previousHash;
        write(Json.createObjectBuilder().add("type", "header").add("format", FORMAT).add("from", from)
                .add("to", to).add("frontier", frontierBefore).add("previousHash", this.previousHash)
                .add("exportedAt", this.exportedAt).build().toString());
    }

    /** The next event; its leaf is computed from what the line says, as a verifier computes it. */
    public void event(AuditEvent event) {
        write(AuditEventJson.line(event));
        frontier.append(event.digests().leaf());
        head = event.getHash().trim();
        events++;
    }

    /** A stored checkpoint in the range, in ascending tree size. */
    public void checkpoint(AuditCheckpoint checkpoint) {
        write(Json.createObjectBuilder().add("type", "checkpoint")
                .add("treeSize", checkpoint.getTreeSize()).add("rootHash", checkpoint.getRootHash().trim())
                .add("chainHash", checkpoint.getChainHash().trim())
                .add("time", AuditCheckpoint.formatTime(checkpoint.getCreatedAt()))
                .add("algorithm", checkpoint.getAlgorithm()).add("keyId", checkpoint.getKeyId())
                .add("signature", checkpoint.getSignature()).build().toString());
        newest = checkpoint;
    }

    /** The closing line, signed by {@code sign} (base64 of the signature over the bytes) with key {@code keyId}. */
    public void seal(String keyId, Function<byte[], String> sign) {
        String linesHash = HEX.formatHex(lines.digest());
        String root = HEX.formatHex(frontier.root());
        Long checkpointSize = newest == null ? null : newest.getTreeSize();
        String checkpointRoot = newest == null ? null : newest.getRootHash().trim();
        String signature = sign.apply(sealStatement(from, to, frontierBefore, previousHash, exportedAt, events, head,
                root, checkpointSize, checkpointRoot, linesHash, keyId));
        JsonObjectBuilder seal = Json.createObjectBuilder().add("type", "seal").add("events", events)
                .add("head", head).add("root", root);
        if (newest == null) {
            seal.addNull("checkpointTreeSize").addNull("checkpointRoot");
        } else {
            seal.add("checkpointTreeSize", checkpointSize).add("checkpointRoot", checkpointRoot);
        }
        out.accept(seal.add("lines", linesHash).add("keyId", keyId).add("signature", signature).build().toString());
    }

    /** The seal's signed bytes (docs/audit-format.md, "The seal"): UTF-8 lines, each ending in a line feed. */
    public static byte[] sealStatement(long from, long to, String frontier, String previousHash, String exportedAt,
            long events, String head, String root, Long checkpointSize, String checkpointRoot, String lines,
            String keyId) {
        return (SEAL_FORMAT + "\n"
                + "format " + FORMAT + "\n"
                + "from " + from + "\n"
                + "to " + to + "\n"
                + "frontier " + frontier + "\n"
                + "previous " + previousHash + "\n"
                + "exported " + exportedAt + "\n"
                + "events " + events + "\n"
                + "head " + head + "\n"
                + "root " + root + "\n"
                + "checkpoint " + (checkpointSize == null ? "none" : checkpointSize + " " + checkpointRoot) + "\n"
                + "lines " + lines + "\n"
                + "key " + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line, and its bytes (with the line feed) into the digest the seal signs. */
    private void write(String line) {
        lines.update(line.getBytes(StandardCharsets.UTF_8));
        lines.update((byte) '\n');
        out.accept(line);
    }
}
