package org.custodian.application.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail as intake sees it, parsed by infrastructure from the raw RFC 822 bytes.
 *
 * @param messageId the Message-ID (one derived from the SHA-256 when the mail has none)
 * @param rawSha256 hex SHA-256 of the raw bytes (the attachment slice keeps the bytes under it)
 * @param text the text part, or the HTML part converted to text; never HTML
 * @param headers the headers intake judges by, lower-case names, topmost first
 * @param bounceRecipients for a delivery status notification the recipients that failed; null for other mail
 * @param raw the message as received (kept as a message/rfc822 attachment of its ticket, #24); null when not kept
 * @param files the mail's attached files (kept as attachments of its ticket)
 */
public record InboundMail(String messageId, String rawSha256, int rawSize, String fromAddress, String fromName,
        String subject, String text, String inReplyTo, String references, Map<String, List<String>> headers,
        List<String> bounceRecipients, byte[] raw, List<MailFile> files) {

    /** A mail whose bytes and files are not kept. */
    public InboundMail(String messageId, String rawSha256, int rawSize, String fromAddress, String fromName,
            String subject, String text, String inReplyTo, String references, Map<String, List<String>> headers,
            List<String> bounceRecipients) {
        this(messageId, rawSha256, rawSize, fromAddress, fromName, subject, text, inReplyTo, references, headers,
                bounceRecipients, null, List.of());
    }

    /** One attached file of a mail: its name and type as the mail gives them, its decoded bytes. */
    public record MailFile(String filename, String contentType, byte[] content) {
    }

    public boolean isBounce() {
        return bounceRecipients != null;
    }

    public String fromDomain() {
        return fromAddress == null || fromAddress.indexOf('@') < 0 ? null
                : fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
    }

    public List<String> header(String lowerCaseName) {
        return headers.getOrDefault(lowerCaseName, List.of());
    }
}
