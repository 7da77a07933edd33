package org.custodian.application.pii;

import java.util.Map;
import java.util.TreeMap;
import java.util.EnumMap;
import java.util.List;
import org.custodian.domain.model.pii.PiiType;

/**
 * Text as it may be stored: card numbers and secrets replaced by their masked form. {@code counts}
 * says how many of each type were removed (never the values), for the audit trail.
 */
public record Redaction(String text, Map<PiiType, Integer> counts) {

    public boolean changed() {
        return !counts.isEmpty();
    }

    /** ["CREDIT_CARD=1", "SECRET=2"]: types and counts only, as audit fields. */
    public List<String> summaryEntries() {
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Two redactions of one write (e.g. subject and description) reported as one. */
    public static Map<PiiType, Integer> merge(Redaction... parts) {
        Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
        for (Redaction part : parts) {
            part.counts().forEach((type, count) -> total.merge(type, count, Integer::sum));
        }
        return total;
    }
}
