package org.custodian.domain.model.integration;

import java.util.Optional;

/**
 * The text of an API key, {@code cst_<key id>_<secret>}: a recognizable prefix (so secret scanners and our own PII
 * detection find leaked keys), a public key id of 12 base32 characters (60 bits: it names the key in the audit
 * trail and the leaked-key drill) and a secret of 52 base32 characters (260 bits). Lower case, no padding.
 */
public record ApiKeyToken(String keyId, String secret) {

    public static final String PREFIX = "cst_";
    public static final int KEY_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 52;
    public static final int LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH;
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /** Whether a bearer value claims to be an API key (then it is checked as one, never as a JWT). */
    public static boolean looksLikeKey(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    /** The key id and secret of a well-formed key; empty for anything else. */
    public static Optional<ApiKeyToken> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)
                || text.charAt(PREFIX.length() + KEY_ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String keyId = text.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
        String secret = text.substring(PREFIX.length() + KEY_ID_LENGTH + 1);
        return isBase32(keyId) && isBase32(secret) ? Optional.of(new ApiKeyToken(keyId, secret)) : Optional.empty();
    }

    /** A key from random bytes, one per character (its low five bits): 12 for the id, 52 for the secret. */
    public static ApiKeyToken of(byte[] idBytes, byte[] secretBytes) {
        if (idBytes.length < KEY_ID_LENGTH || secretBytes.length < SECRET_LENGTH) {
            throw new IllegalArgumentException("need " + KEY_ID_LENGTH + " and " + SECRET_LENGTH + " random bytes");
        }
        return new ApiKeyToken(base32(idBytes, KEY_ID_LENGTH), base32(secretBytes, SECRET_LENGTH));
    }

    /** Whether a text can be a key id (a path parameter, a report's credential). */
    public static boolean isKeyId(String text) {
        return text != null && text.length() == KEY_ID_LENGTH && isBase32(text);
    }

    public String text() {
        return PREFIX + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return PREFIX + keyId + "_…"; // never the secret, whatever logs it
    }

    /** One character per byte: the low five bits, so every character is uniform. */
    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(bytes[i] & 31));
        }
        return out.toString();
    }

    private static boolean isBase32(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
