package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/**
 * Credentials, in three shapes: prefix-typed tokens (AWS and Google keys, GitHub, Slack and Stripe tokens, JWTs,
 * Custodian's own API keys),
 * PEM private key blocks, and the value of a {@code password: value} style pair.
 *
 * <p>One instance per scan: it remembers the next PEM footer, so many BEGIN lines without an END do not each
 * search the rest of the text.
 */
final class SecretRecognizer {

    private static final String[] SECRET_KEYS = {
        "password", "passwd", "pwd", "secret", "passwort", "kennwort", "mot de passe"
    };
    /** Bounds the search for the END line of a PEM block, so a stray BEGIN line cannot make a scan quadratic. */
    private static final int MAX_PEM_LENGTH = 16_384;
    private static final int MAX_PEM_LABEL = 64;
    /** Longer values are cut here: keeps "password:password:..." runs linear, and still masks the start. */
    private static final int MAX_SECRET_VALUE_LENGTH = 512;
    private static final int UNKNOWN = -2;

    /** Position of the next "-----END " line at or after the last search, -1 when there is none, or UNKNOWN. */
    private int nextPemFooter = UNKNOWN;

    private enum CharClass { UPPER_ALNUM, ALNUM, ALNUM_DASH, WORD, BASE64_URL }

    // ---------------------------------------------------------------- prefix-typed tokens

    /** Reports the token starting at {@code start} (a letter at a word start) if its prefix and shape are known. */
    void findToken(String text, int start, List<PiiFinding> out) {
        if (start > 0 && text.charAt(start - 1) == '-') {
            return; // tokens are never glued to a dash; also keeps "-eyJ-eyJ..." from being rescanned per piece
        }
        int end = switch (text.charAt(start)) {
            case 'A' -> awsOrGoogleKeyEnd(text, start);
            case 'g' -> gitHubTokenEnd(text, start);
            case 'x' -> slackTokenEnd(text, start);
            case 's', 'r' -> stripeKeyEnd(text, start);
            case 'e' -> jwtEnd(text, start);
            case 'c' -> custodianKeyEnd(text, start);
            default -> -1;
        };
        if (end > start) {
            out.add(new PiiFinding(PiiType.SECRET, start, end));
        }
    }

    private static int awsOrGoogleKeyEnd(String text, int start) {
        if (text.startsWith("AKIA", start) || text.startsWith("ASIA", start)) {
            int end = runEnd(text, start + 4, CharClass.UPPER_ALNUM);
            return end - start == 20 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
        }
        if (text.startsWith("AIza", start)) {
            int end = runEnd(text, start + 4, CharClass.BASE64_URL);
            return end - start == 39 ? end : -1;
        }
        return -1;
    }

    private static int gitHubTokenEnd(String text, int start) {
        if (text.startsWith("github_pat_", start)) {
            int end = runEnd(text, start + 11, CharClass.WORD);
            return end - start >= 11 + 22 ? end : -1;
        }
        if (start + 4 <= text.length() && text.charAt(start + 1) == 'h' && text.charAt(start + 3) == '_'
                && "pousr".indexOf(text.charAt(start + 2)) >= 0) {
            int end = runEnd(text, start + 4, CharClass.ALNUM);
            return end - start == 40 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
        }
        return -1;
    }

    private static int slackTokenEnd(String text, int start) {
        if (!text.startsWith("xox", start) || start + 5 > text.length() || text.charAt(start + 4) != '-'
                || "abprs".indexOf(text.charAt(start + 3)) < 0) {
            return -1;
        }
        int end = runEnd(text, start + 5, CharClass.ALNUM_DASH);
        while (end > start + 5 && text.charAt(end - 1) == '-') {
            end--;
        }
        return end - start >= 5 + 10 ? end : -1;
    }

    private static int stripeKeyEnd(String text, int start) {
        if (!text.startsWith("k_live_", start + 1)) {
            return -1;
        }
        int end = runEnd(text, start + 8, CharClass.ALNUM);
        return end - start >= 8 + 24 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
    }

    /** A Custodian API key (#22): {@code cst_}, a 12-character key id, {@code _}, a 52-character secret. */
    private static int custodianKeyEnd(String text, int start) {
        if (!text.startsWith("cst_", start)) {
            return -1;
        }
        int idEnd = runEnd(text, start + 4, CharClass.ALNUM);
        if (idEnd - start != 4 + 12 || idEnd >= text.length() || text.charAt(idEnd) != '_') {
            return -1;
        }
        int end = runEnd(text, idEnd + 1, CharClass.ALNUM);
        return end - idEnd - 1 == 52 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
    }

    private static int jwtEnd(String text, int start) {
        if (!text.startsWith("eyJ", start)) {
            return -1;
        }
        int end = start;
        for (int segment = 0; segment < 3; segment++) {
            int segmentStart = segment == 0 ? start : end + 1;
            if (segment > 0 && (end >= text.length() || text.charAt(end) != '.')) {
                return -1;
            }
            end = runEnd(text, segmentStart, CharClass.BASE64_URL);
            if (end == segmentStart) {
                return -1;
            }
        }
        return end;
    }

    private static int runEnd(String text, int from, CharClass charClass) {
        int i = from;
        int length = text.length();
        while (i < length && belongsTo(text.charAt(i), charClass)) {
            i++;
        }
        return i;
    }

    private static boolean belongsTo(char c, CharClass charClass) {
        return switch (charClass) {
            case UPPER_ALNUM -> (c >= 'A' && c <= 'Z') || isDigit(c);
            case ALNUM -> isAsciiLetterOrDigit(c);
            case ALNUM_DASH -> isAsciiLetterOrDigit(c) || c == '-';
            case WORD -> isAsciiLetterOrDigit(c) || c == '_';
            case BASE64_URL -> isAsciiLetterOrDigit(c) || c == '_' || c == '-';
        };
    }

    private static char charAtOrSpace(String text, int index) {
        return index < text.length() ? text.charAt(index) : ' ';
    }

    // ---------------------------------------------------------------- PEM private key blocks

    /** Reports the whole private key block whose BEGIN line starts at {@code start} (a dash), if it has an END. */
    void findPemBlock(String text, int start, List<PiiFinding> out) {
        if (!text.startsWith("-----BEGIN ", start)) {
            return;
        }
        int limit = Math.min(text.length(), start + MAX_PEM_LENGTH);
        int headerEnd = indexOfBefore(text, "-----", start + 11, Math.min(limit, start + 11 + MAX_PEM_LABEL));
        if (headerEnd < 0 || !text.startsWith("PRIVATE KEY", headerEnd - 11)) {
            return;
        }
        int footer = pemFooterFrom(text, headerEnd + 5);
        if (footer < 0 || footer + 9 > limit) {
            return;
        }
        int footerEnd = indexOfBefore(text, "-----", footer + 9, Math.min(limit, footer + 9 + MAX_PEM_LABEL));
        if (footerEnd < 0 || !text.startsWith("PRIVATE KEY", footerEnd - 11)) {
            return;
        }
        out.add(new PiiFinding(PiiType.SECRET, start, footerEnd + 5));
    }

    /** The next "-----END " line at or after {@code from}, searched forward only once per scan. */
    private int pemFooterFrom(String text, int from) {
        if (nextPemFooter == -1 || nextPemFooter >= from) {
            return nextPemFooter;
        }
        nextPemFooter = text.indexOf("-----END ", from);
        return nextPemFooter;
    }

    /** {@code text.indexOf(needle, from)} restricted to matches ending at or before {@code limit}; -1 if none. */
    private static int indexOfBefore(String text, String needle, int from, int limit) {
        char first = needle.charAt(0);
        for (int i = text.indexOf(first, from); i >= 0 && i + needle.length() <= limit;
                i = text.indexOf(first, i + 1)) {
            if (text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- key-value pairs

    /** {@code password: value}, {@code "pwd"="value"}, {@code client_secret=value}: the span is the value only. */
    void findKeyValue(String text, int delimiter, List<PiiFinding> out) {
        int keyEnd = delimiter;
        while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
        }
        if (!endsWithSecretKey(text, keyEnd)) {
            return;
        }
        int length = text.length();
        int start = delimiter + 1;
        while (start < length && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end;
        char first = start < length ? text.charAt(start) : '\n';
        if (first == '"' || first == '\'') {
            start++;
            end = start;
            int limit = Math.min(length, start + MAX_SECRET_VALUE_LENGTH);
            while (end < limit && text.charAt(end) != first && text.charAt(end) != '\n') {
                end++;
            }
            if (end >= limit || text.charAt(end) != first) {
                return;
            }
        } else {
            end = start;
            int limit = Math.min(length, start + MAX_SECRET_VALUE_LENGTH);
            while (end < limit && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
        }
        if (end > start && !isAlreadyMasked(text, start, end)) {
            out.add(new PiiFinding(PiiType.SECRET, start, end));
        }
    }

    private static boolean endsWithSecretKey(String text, int keyEnd) {
        for (String key : SECRET_KEYS) {
            int keyStart = keyEnd - key.length();
            if (keyStart >= 0 && text.regionMatches(true, keyStart, key, 0, key.length())
                    && (keyStart == 0 || !isAsciiLetterOrDigit(text.charAt(keyStart - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlreadyMasked(String text, int start, int end) {
        if (text.startsWith("[REDACTED]", start)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }
}
