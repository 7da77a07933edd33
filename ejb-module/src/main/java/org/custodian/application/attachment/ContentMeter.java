package org.custodian.application.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.application.pii.PiiService;
import org.custodian.domain.model.pii.PiiDetector;
import org.custodian.domain.model.pii.PiiFinding;
import org.custodian.domain.model.pii.PiiType;

/**
 * Counts and hashes content as it streams past, and keeps the first MiB of a text file for the PII scan (the
 * detector's own limit): a longer log is scanned on its first MiB, and the summary says so.
 */
public final class ContentMeter {

    private static final PiiDetector DETECTOR = new PiiDetector();

    private final MessageDigest digest;
    private final ByteArrayOutputStream text;
    private long size;
    private String sha256;

    public ContentMeter(boolean scanText) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        text = scanText ? new ByteArrayOutputStream() : null;
    }

    public void update(byte[] buffer, int length) {
        digest.update(buffer, 0, length);
        size += length;
        if (text != null && text.size() < PiiService.MAX_SCAN_BYTES) {
            text.write(buffer, 0, Math.min(length, PiiService.MAX_SCAN_BYTES - text.size()));
        }
    }

    public long size() {
        return size;
    }

    String sha256() {
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    /** What the scan found; no summary for content that is not text. */
    public Findings findings() {
        if (text == null) {
            return new Findings(null, false);
        }
        Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        for (PiiFinding finding : DETECTOR.scan(text.toString(StandardCharsets.UTF_8))) {
            counts.merge(finding.type(), 1, Integer::sum);
        }
        String summary = counts.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
        if (size > PiiService.MAX_SCAN_BYTES) {
            summary = summary.isEmpty() ? "scanned=first-MiB" : summary + ",scanned=first-MiB";
        }
        boolean flagged = counts.containsKey(PiiType.CREDIT_CARD) || counts.containsKey(PiiType.SECRET);
        return new Findings(summary.isEmpty() ? "none" : summary, flagged);
    }

    public record Findings(String summary, boolean flagged) {
    }
}
