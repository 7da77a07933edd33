package org.custodian.application.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;

/**
 * The campaign as one text that anyone can recompute and hash: a header line, then one line per item in id order,
 * fields separated by tabs, absent values empty, tabs and line breaks inside values replaced by spaces. Its
 * SHA-256 goes into the outcome's audit event, so the signed checkpoints of the trail vouch for every decision.
 */
final class CanonicalRecord {

    static final String FORMAT = "custodian-access-review/1";

    private CanonicalRecord() {
    }

    static String text(AccessReview review, List<AccessReviewItem> items) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        line(text, "review", review.getId(), review.getTitle(), review.getScopeRegion(), review.getScopeRole(),
                review.getNamedReviewer(), review.getDeadline(), review.getDeadlinePolicy(), review.getCreatedBy(),
                review.getCreatedAt(), review.getDeadlineHandledAt());
        for (AccessReviewItem item : items) {
            line(text, "item", item.getId(), item.getUsername(), item.getKind(), item.getSubject(), item.getReviewer(),
                    item.getState(), item.getDecidedBy(), item.getDecidedAt(), item.getReason());
        }
        return text.toString();
    }

    /** "sha256:" and the lower-case hex digest of the text's UTF-8 bytes. */
    static String digest(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void line(StringBuilder text, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object value = values[i] instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : values[i];
            // the database keeps microseconds: a value read back must give the same text as the one written
            text.append(value == null ? "" : value.toString().replace('\t', ' ').replace('\n', ' ')
                    .replace('\r', ' '));
        }
        text.append('\n');
    }
}
