package org.custodian.domain.model.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a file's type from its first bytes (magic numbers), never from its name or the type a client declares: what
 * the download's Content-Type says is what the bytes are. Text is what decodes as UTF-8 without control characters
 * other than tab, line feed, carriage return and form feed; a mail is text that starts with header lines.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEAD_BYTES = 8192;

    public static final String TEXT = "text/plain";
    public static final String MAIL = "message/rfc822";
    public static final String BINARY = "application/octet-stream";

    private static final Set<String> ZIP_CONTAINERS = Set.of("application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");
    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/csv", "text/x-log", "application/json",
            "application/xml", "text/xml", "text/markdown", "text/tab-separated-values", MAIL);

    private ContentSniffer() {
    }

    /** The media type of content starting with {@code head} (at most {@link #HEAD_BYTES} of it). */
    public static String sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.min(length, head.length));
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) {
            return "application/zip";
        }
        if (starts(b, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (isText(b, length > head.length)) {
            return looksLikeMail(b) ? MAIL : TEXT;
        }
        return BINARY;
    }

    /** The declared type without parameters, lower case ({@code Text/CSV; charset=utf-8} is {@code text/csv}). */
    public static String baseType(String declared) {
        if (declared == null || declared.isBlank()) {
            return BINARY;
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether bytes sniffed as {@code sniffed} may be what the client declared: the same type, a text type for text
     * (a CSV is text), an office document or ZIP for a ZIP container; a client that declares nothing
     * (application/octet-stream) takes whatever the bytes are.
     */
    public static boolean matches(String declared, String sniffed) {
        String type = baseType(declared);
        if (type.equals(BINARY) || type.equals(sniffed)) {
            return true;
        }
        if (sniffed.equals(TEXT) || sniffed.equals(MAIL)) {
            return isTextType(type);
        }
        return sniffed.equals("application/zip") && ZIP_CONTAINERS.contains(type);
    }

    /** The type the download names: the declared one where the bytes bear it out, else the sniffed one. */
    public static String served(String declared, String sniffed) {
        String type = baseType(declared);
        if (!type.equals(BINARY) && matches(declared, sniffed)) {
            return isTextType(type) && !type.equals(MAIL) ? type + "; charset=utf-8" : type;
        }
        return sniffed.equals(TEXT) ? TEXT + "; charset=utf-8" : sniffed;
    }

    /** Whether content of this type is text to scan for personal data. */
    public static boolean isTextType(String type) {
        String base = baseType(type);
        return base.startsWith("text/") || TEXT_TYPES.contains(base);
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != (magic[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] b, boolean truncated) {
        if (b.length == 0) {
            return true;
        }
        for (byte value : b) {
            int c = value & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                return false;
            }
        }
        // the head may end inside a multi-byte character: leave up to 3 bytes of it undecided
        int end = b.length;
        if (truncated) {
            int back = 0;
            while (back < 3 && end > 0 && (b[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (b[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A header line first ({@code Name: value}), and a From header among the first lines. */
    private static boolean looksLikeMail(byte[] b) {
        String start = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8);
        String lower = start.toLowerCase(Locale.ROOT);
        return start.matches("(?s)[A-Za-z][A-Za-z0-9-]*:[ \\t].*")
                && (lower.startsWith("from:") || lower.contains("\nfrom:"));
    }
}
