package org.custodian.application.mail;

/** Mail text made fit for the fields it goes into (no control characters, bounded length). */
final class MailText {

    private MailText() {
    }

    /** One line: control characters and line breaks become spaces, runs of spaces one. */
    static String line(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return cut(out.toString().replaceAll("\\s+", " ").trim(), max);
    }

    /** Several lines: CR LF become LF, other control characters go, at most {@code max} characters. */
    static String multiline(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return cut(out.toString().replaceAll("\n{3,}", "\n\n").strip(), max);
    }

    /** Hex SHA-256 of a text (the key of a Message-ID whatever its length). */
    static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Cut without splitting a surrogate pair. */
    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
