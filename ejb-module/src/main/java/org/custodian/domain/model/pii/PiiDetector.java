package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetter;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds credit card numbers, US social security numbers, IBANs, e-mail addresses, phone numbers and secrets in free
 * text.
 *
 * <p>The detector makes a single pass over the text and only starts a (hand-written) parser where a
 * cheap trigger fires: the first digit of a number, {@code +} or {@code (} for phones, {@code @} for e-mails, a token
 * start for IBANs and key prefixes, {@code :}/{@code =} for {@code password: value} pairs, {@code -} for PEM blocks.
 * Each type has its own recognizer ({@link CreditCardRecognizer} with Luhn for any brand, {@link SsnRecognizer}
 * with the SSN rules, {@link IbanRecognizer} with the length table and mod-97, {@link EmailRecognizer}, {@link
 * PhoneRecognizer} with its phone cues, {@link SecretRecognizer}); this class keeps the dispatch and resolves overlaps
 * by priority SECRET &gt; IBAN &gt; CREDIT_CARD &gt; US_SSN &gt; EMAIL &gt; PHONE, the longer span first within a type
 * (an IBAN, checked by country, length and mod 97, often holds a Luhn-valid run of 13 or more digits).
 *
 * <p>The recognizers read the text's {@link NormalizedText} (digits of any script as ASCII, any kind of space as a
 * space, full-width forms as ASCII, invisible format characters gone); findings come back as spans of the text as
 * given.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PiiDetector {

    /** Index = {@link PiiType#ordinal()}, lower value wins an overlap. */
    private static final int[] PRIORITY = new int[PiiType.values().length];

    static {
        PiiType[] byPriority = {
            PiiType.SECRET, PiiType.IBAN, PiiType.CREDIT_CARD, PiiType.US_SSN, PiiType.EMAIL, PiiType.PHONE
        };
        for (int rank = 0; rank < byPriority.length; rank++) {
            PRIORITY[byPriority[rank].ordinal()] = rank;
        }
    }

    private static final Comparator<PiiFinding> WINNER_FIRST = Comparator
            .comparingInt((PiiFinding f) -> PRIORITY[f.type().ordinal()])
            .thenComparing(Comparator.comparingInt(PiiFinding::length).reversed())
            .thenComparingInt(PiiFinding::start);

    /**
     * Scans {@code text} and returns the non-overlapping findings sorted by start offset, as spans of {@code text}
     * (the recognizers read its {@link NormalizedText}: other digits and separators cannot hide a number).
     */
    public List<PiiFinding> scan(String original) {
        Objects.requireNonNull(original, "text");
        NormalizedText normalized = NormalizedText.of(original);
        String text = normalized.text();
        List<PiiFinding> candidates = new ArrayList<>();
        // The two recognizers with per-scan state (where a phone run ended, where the next PEM footer is).
        PhoneRecognizer phones = new PhoneRecognizer();
        SecretRecognizer secrets = new SecretRecognizer();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                if (i > 0 && isDigit(text.charAt(i - 1))) {
                    continue;
                }
                CreditCardRecognizer.find(text, i, candidates);
                SsnRecognizer.find(text, i, candidates);
                phones.find(text, i, candidates);
            } else if (c == '+' || c == '(') {
                phones.find(text, i, candidates);
            } else if (c == '@') {
                EmailRecognizer.find(text, i, candidates);
            } else if (c == ':' || c == '=') {
                secrets.findKeyValue(text, i, candidates);
            } else if (c == '-') {
                secrets.findPemBlock(text, i, candidates);
            } else if (isAsciiLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                IbanRecognizer.find(text, i, candidates);
                secrets.findToken(text, i, candidates);
            }
        }
        List<PiiFinding> findings = resolveOverlaps(candidates);
        findings.replaceAll(normalized::toOriginal);
        return findings;
    }

    private static List<PiiFinding> resolveOverlaps(List<PiiFinding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        candidates.sort(WINNER_FIRST);
        TreeMap<Integer, PiiFinding> kept = new TreeMap<>();
        for (PiiFinding candidate : candidates) {
            Map.Entry<Integer, PiiFinding> before = kept.floorEntry(candidate.start());
            if (before != null && before.getValue().end() > candidate.start()) {
                continue;
            }
            Map.Entry<Integer, PiiFinding> after = kept.ceilingEntry(candidate.start());
            if (after != null && after.getKey() < candidate.end()) {
                continue;
            }
            kept.put(candidate.start(), candidate);
        }
        return new ArrayList<>(kept.values());
    }
}
