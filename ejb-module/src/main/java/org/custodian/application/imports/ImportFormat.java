package org.custodian.application.imports;

import java.util.Locale;
import java.util.Optional;

/** The two layouts an upload may have, chosen by its Content-Type. */
public enum ImportFormat {
    /** RFC 4180, a header record first ({@code text/csv}). */
    CSV,
    /** One JSON object per line ({@code application/x-ndjson} or {@code application/jsonl}). */
    JSONL;

    public static Optional<ImportFormat> ofMediaType(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "text/csv" -> Optional.of(CSV);
            case "application/x-ndjson", "application/jsonl", "application/json-lines" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }
}
