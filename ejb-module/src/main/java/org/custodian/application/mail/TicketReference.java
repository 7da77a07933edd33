package org.custodian.application.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ticket reference in a mail subject, {@code [#123-K7Q2XA]}: the ticket number and six base32 characters of an
 * HMAC-SHA256 of it under a server key. A number alone ("[#123]") is trivially forged: anyone could write onto any
 * ticket; with the tag a sender has to have seen a mail of that ticket (one guess in 2^30). Intake also requires
 * the sender to be the ticket's customer.
 */
public final class TicketReference {

    private static final Pattern REFERENCE = Pattern.compile("\\[#([0-9]{1,18})-([A-Z2-7]{6})]");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final byte[] key;

    public TicketReference(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the reference key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The reference to put into a subject. */
    public String of(long ticketId) {
        return "[#" + ticketId + "-" + tag(ticketId) + "]";
    }

    /** The ticket a subject refers to with a valid tag; empty for none or a forged one. */
    public OptionalLong find(String subject) {
        if (subject == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = REFERENCE.matcher(subject);
        while (matcher.find()) {
            long id;
            try {
                id = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (MessageDigest.isEqual(tag(id).getBytes(StandardCharsets.US_ASCII),
                    matcher.group(2).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(id);
            }
        }
        return OptionalLong.empty();
    }

    private String tag(long ticketId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("custodian-ticket:" + ticketId).getBytes(StandardCharsets.US_ASCII));
            long bits = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
            char[] tag = new char[6];
            for (int i = 0; i < 6; i++) {
                tag[i] = BASE32[(int) ((bits >>> (27 - 5 * i)) & 31)];
            }
            return new String(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
