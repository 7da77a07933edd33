package org.custodian.infrastructure.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.custodian.domain.model.attachment.StoredContentCheck;
import org.custodian.domain.model.attachment.StoredContentCheck.Finding;

/**
 * Verifies the stored attachments of the schema a connection's search path names (the live one, or a restored
 * copy): every chunk there, numbered without a gap, and the concatenation hashing to {@code cipher_sha256}. One
 * pass over the chunks in (attachment, seq) order, fetched a few rows at a time, so memory holds a few chunks, not
 * a file; the caller's transaction must be open (auto-commit off), or PostgreSQL's driver reads all rows at once.
 */
public final class AttachmentChunkCheck {

    /** Chunks are 1 MiB: a few per round trip. */
    private static final int FETCH_ROWS = 4;

    private AttachmentChunkCheck() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static StoredContentCheck check(Connection connection) throws SQLException {
        Tally tally = new Tally();
        try (PreparedStatement select = connection.prepareStatement("select a.id, a.ticket_id, a.cipher_sha256,"
                + " a.chunk_count, c.seq, c.data from attachment a left join attachment_chunk c"
                + " on c.attachment_id = a.id order by a.id, c.seq")) {
            select.setFetchSize(FETCH_ROWS);
            try (ResultSet rows = select.executeQuery()) {
                Current current = null;
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (current == null || current.id != id) {
                        tally.finish(current);
                        int expected = rows.getInt(4);
                        current = new Current(id, rows.getLong(2), rows.getString(3),
                                rows.wasNull() ? null : expected);
                    }
                    int seq = rows.getInt(5);
                    if (!rows.wasNull()) {
                        current.chunk(seq, rows.getBytes(6));
                        tally.chunks++;
                    }
                }
                tally.finish(current);
            }
        }
        return new StoredContentCheck(tally.attachments, tally.chunks, tally.bytes, tally.broken, tally.findings);
    }

    /** The attachment being read. */
    private static final class Current {
        final long id;
        final long ticketId;
        final String recorded;
        final Integer expectedChunks;
        final MessageDigest digest = sha256();
        int found;
        long bytes;
        String gap;

        Current(long id, long ticketId, String recorded, Integer expectedChunks) {
            this.id = id;
            this.ticketId = ticketId;
            this.recorded = recorded == null ? null : recorded.trim();
            this.expectedChunks = expectedChunks;
        }

        void chunk(int seq, byte[] data) {
            if (seq != found && gap == null) {
                gap = "chunk " + found + " is missing (the next stored chunk is " + seq + ")";
            }
            found++;
            bytes += data.length;
            digest.update(data);
        }

        String problem() {
            if (recorded == null || expectedChunks == null) {
                return "its content was never completely written (no ciphertext hash recorded)";
            }
            if (gap != null) {
                return gap;
            }
            if (found != expectedChunks) {
                return "it has " + found + " of its " + expectedChunks + " chunks";
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(recorded)) {
                return "its ciphertext does not match its recorded SHA-256 (a chunk was altered)";
            }
            return null;
        }
    }

    /** Running totals. */
    private static final class Tally {
        long attachments;
        long chunks;
        long bytes;
        long broken;
        final List<Finding> findings = new ArrayList<>();

        void finish(Current done) {
            if (done == null) {
                return;
            }
            attachments++;
            bytes += done.bytes;
            String problem = done.problem();
            if (problem != null) {
                broken++;
                if (findings.size() < StoredContentCheck.MAX_FINDINGS) {
                    findings.add(new Finding(done.id, done.ticketId, problem));
                }
            }
        }
    }
}
