package org.custodian.infrastructure.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.custodian.application.mail.InboundMail;

/** Parses the raw RFC 822 bytes of a mail into what intake judges: sender, thread headers, text, bounce recipients. */
final class MimeMail {

    /** The headers intake reads; the others are not kept. */
    private static final Set<String> KEPT = Set.of("authentication-results", "auto-submitted", "precedence",
            "list-id", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
            "x-ms-exchange-generated-message-source", "content-language");
    private static final int MAX_PARTS = 200;
    /**
     * One session for all parsing: a session looks its providers up through the class path when it is made, which
     * took a sixth of mail intake's time when each mail made its own (the mail bench, #24). Parsing only reads it.
     */
    private static final Session PARSING = Session.getInstance(new Properties());

    static {
        StreamProviderPin.pin();
    }

    private MimeMail() {
    }

    static InboundMail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
        String sha256 = sha256(raw);
        String messageId = message.getMessageID();
        messageId = messageId == null || messageId.isBlank() ? "<" + sha256 + "@no-message-id.invalid>"
                : messageId.trim();
        String fromAddress = null;
        String fromName = null;
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
                fromAddress = address.getAddress();
                fromName = address.getPersonal();
            }
        } catch (MessagingException badAddress) {
            // a From that does not parse: no usable sender (intake ignores the mail)
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (KEPT.contains(name)) {
                headers.computeIfAbsent(name, key -> new ArrayList<>()).add(unfold(header.getValue()));
            }
        }
        List<String> bounce = bounceRecipients(message);
        String[] text = new String[2];
        collectText(message, text, new int[] {0});
        String body = text[0] != null ? text[0] : HtmlText.toText(text[1]);
        List<InboundMail.MailFile> files = new ArrayList<>();
        collectFiles(message, files, new int[] {0});
        return new InboundMail(messageId, sha256, raw.length, fromAddress, fromName, message.getSubject(), body,
                header(message, "In-Reply-To"), header(message, "References"), headers, bounce, raw, files);
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, " ");
        return value == null ? null : unfold(value);
    }

    private static String unfold(String value) {
        return value.replaceAll("\\r?\\n[ \\t]+", " ").trim();
    }

    /** The first text/plain and the first text/html part that are not attachments (nested multiparts too). */
    /** #24: the parts a mail attaches (disposition attachment, or a named non-text part), decoded. */
    private static void collectFiles(Part part, List<InboundMail.MailFile> files, int[] seen)
            throws MessagingException, IOException {
        if (++seen[0] > MAX_PARTS) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectFiles(multipart.getBodyPart(i), files, seen);
                }
            }
            return;
        }
        String name = part.getFileName();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (part instanceof MimeMessage || !attached && (name == null || part.isMimeType("text/*"))) {
            return;
        }
        try (java.io.InputStream in = part.getInputStream()) {
            String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType();
            files.add(new InboundMail.MailFile(name == null ? "attachment-" + files.size() : name, type,
                    in.readAllBytes()));
        }
    }

    private static void collectText(Part part, String[] text, int[] seen) throws MessagingException, IOException {
        if (++seen[0] > MAX_PARTS) {
            return;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && text[0] == null) {
            text[0] = content(part);
        } else if (part.isMimeType("text/html") && text[1] == null) {
            text[1] = content(part);
        } else if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectText(multipart.getBodyPart(i), text, seen);
                }
            }
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        Object content;
        try {
            content = part.getContent();
        } catch (IOException unsupportedCharset) {
            content = null;
        }
        if (content instanceof String string) {
            return string;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** For a delivery status notification (RFC 3464) the recipients whose delivery failed; null for other mail. */
    static List<String> bounceRecipients(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return null;
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null || !reportType.equalsIgnoreCase("delivery-status")) {
            return null;
        }
        List<String> failed = new ArrayList<>();
        Object content = message.getContent();
        if (!(content instanceof Multipart multipart)) {
            return failed;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") && part instanceof MimeBodyPart mime) {
                String status;
                try (InputStream in = MimeUtility.decode(mime.getRawInputStream(), encoding(mime))) {
                    status = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                failed.addAll(failedRecipients(status));
            }
        }
        return failed;
    }

    private static String encoding(MimeBodyPart part) throws MessagingException {
        String encoding = part.getEncoding();
        return encoding == null ? "7bit" : encoding;
    }

    /** The Final-Recipient of each per-recipient block whose Action is failed. */
    static List<String> failedRecipients(String deliveryStatus) {
        List<String> failed = new ArrayList<>();
        for (String block : deliveryStatus.replace("\r\n", "\n").split("\n\\s*\n")) {
            String recipient = null;
            boolean failedAction = false;
            for (String line : block.replaceAll("\n[ \t]+", " ").split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("final-recipient") || (name.equals("original-recipient") && recipient == null)) {
                    int semicolon = value.indexOf(';');
                    recipient = (semicolon >= 0 ? value.substring(semicolon + 1) : value).trim();
                } else if (name.equals("action")) {
                    failedAction = value.toLowerCase(Locale.ROOT).startsWith("failed");
                }
            }
            if (recipient != null && failedAction) {
                failed.add(recipient.replaceAll("^<|>$", ""));
            }
        }
        return failed;
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
