package org.custodian.application.pii;

import java.io.Serializable;

/**
 * What a rescan did: records read, bytes of text scanned, records changed (text redacted as the ingest rules
 * redact it, or an attachment newly flagged) and records where something was found but left as it is, because a
 * legal hold covers them or their subject's processing is restricted (GDPR Art. 18).
 */
public record Rescanned(long scanned, long bytes, long redacted, long kept) implements Serializable {

    public static final Rescanned NONE = new Rescanned(0, 0, 0, 0);

    public Rescanned plus(Rescanned other) {
        return new Rescanned(scanned + other.scanned, bytes + other.bytes, redacted + other.redacted,
                kept + other.kept);
    }

    /** "scanned=… bytes=… redacted=… kept=…", the job's exit status and the position's text. */
    public String text() {
        return "scanned=" + scanned + " bytes=" + bytes + " redacted=" + redacted + " kept=" + kept;
    }

    /** Reads {@link #text()} back. */
    public static Rescanned parse(String text) {
        long[] values = new long[4];
        for (String part : text.trim().split(" ")) {
            String[] pair = part.split("=", 2);
            int index = switch (pair[0]) {
                case "scanned" -> 0;
                case "bytes" -> 1;
                case "redacted" -> 2;
                case "kept" -> 3;
                default -> throw new IllegalArgumentException("not a rescan total: " + text);
            };
            values[index] = Long.parseLong(pair[1]);
        }
        return new Rescanned(values[0], values[1], values[2], values[3]);
    }
}
