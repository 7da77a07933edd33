package org.custodian.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custodian.application.mail.InboundMail;
import org.junit.jupiter.api.Test;

class MimeMailTest {

    private static InboundMail parse(String raw) throws Exception {
        return MimeMail.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainMailGivesSenderThreadHeadersAndText() throws Exception {
        InboundMail mail = parse("""
                Authentication-Results: mx.example.net;
                \tdmarc=pass header.from=example.org
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>
                To: support@custodian.test
                Subject: =?UTF-8?Q?Dr=C3=BCcker?= kaputt
                Message-ID: <m2@example.org>
                In-Reply-To: <m1@example.org>
                References: <m0@example.org>
                 <m1@example.org>
                Auto-Submitted: no
                Content-Type: text/plain; charset=UTF-8

                Hallo,
                der Drucker geht nicht.
                """);
        assertEquals("<m2@example.org>", mail.messageId());
        assertEquals("juergen@example.org", mail.fromAddress());
        assertEquals("Jürgen Müller", mail.fromName());
        assertEquals("Drücker kaputt", mail.subject());
        assertEquals("<m1@example.org>", mail.inReplyTo());
        assertEquals("<m0@example.org> <m1@example.org>", mail.references());
        assertEquals(List.of("mx.example.net; dmarc=pass header.from=example.org"),
                mail.header("authentication-results"));
        assertEquals(List.of("no"), mail.header("auto-submitted"));
        assertTrue(mail.text().startsWith("Hallo,"));
        assertFalse(mail.isBounce());
        assertEquals(64, mail.rawSha256().length());
    }

    /** #24: the raw bytes and the attached files travel with the mail, for its ticket's attachments. */
    @Test
    void attachedFilesAndTheRawMessageAreKept() throws Exception {
        InboundMail mail = parse("""
                From: a@example.org
                Subject: logs
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                See the log.
                --b1
                Content-Type: text/plain; charset=UTF-8; name="app.log"
                Content-Disposition: attachment; filename="app.log"

                line one
                --b1
                Content-Type: application/pdf; name="r.pdf"
                Content-Disposition: attachment; filename="r.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b1--
                """);
        assertEquals("See the log.", mail.text().trim());
        assertEquals(2, mail.files().size(), mail.files().toString());
        assertEquals("app.log", mail.files().get(0).filename());
        assertEquals("line one", new String(mail.files().get(0).content(), StandardCharsets.UTF_8).trim());
        assertEquals("r.pdf", mail.files().get(1).filename());
        assertEquals("%PDF-1.4\n", new String(mail.files().get(1).content(), StandardCharsets.US_ASCII));
        assertTrue(mail.files().get(1).contentType().startsWith("application/pdf"));
        assertEquals(mail.rawSize(), mail.raw().length);
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutAnyMarkup() throws Exception {
        InboundMail mail = parse("""
                From: a@example.org
                Subject: html
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style><script>alert(1)</script></head>
                <body><p>Hello &amp; welcome</p><ul><li>one</li><li>two</li></ul><img src=x onerror=alert(2)>
                <a href="javascript:alert(3)">link</a> &#228;&lt;b&gt;</body></html>
                """);
        String text = mail.text();
        assertFalse(text.contains("<") && text.contains("onerror"), text);
        assertFalse(text.contains("alert"), text);
        assertFalse(text.contains("color:red"), text);
        assertTrue(text.contains("Hello & welcome"), text);
        assertTrue(text.contains("- one"), text);
        assertTrue(text.contains("ä<b>"), text);
        assertTrue(mail.messageId().endsWith("@no-message-id.invalid>"), "a mail without Message-ID gets one");
    }

    @Test
    void theTextPartOfAnAlternativeIsPreferredAndAttachmentsAreSkipped() throws Exception {
        InboundMail mail = parse("""
                From: a@example.org
                Subject: mixed
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                plain text
                --inner
                Content-Type: text/html; charset=UTF-8

                <p>html text</p>
                --inner--
                --outer
                Content-Type: text/plain
                Content-Disposition: attachment; filename="log.txt"

                attached log
                --outer--
                """);
        assertEquals("plain text", mail.text().strip());
    }

    @Test
    void aDeliveryStatusNotificationIsABounceWithItsFailedRecipients() throws Exception {
        InboundMail mail = parse("""
                From: MAILER-DAEMON@example.net
                Subject: Undelivered Mail
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Could not deliver.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822; slow@example.org
                Action: delayed
                Status: 4.4.1
                --b--
                """);
        assertTrue(mail.isBounce());
        assertEquals(List.of("gone@example.org"), mail.bounceRecipients());
        assertNull(parse("From: a@example.org\nSubject: x\n\nbody\n").bounceRecipients());
    }
}
