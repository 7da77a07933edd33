package org.custodian.application.mail;

import java.io.IOException;

/** The outbound side of the wire (SMTP in infrastructure): returns once the server accepted the mail. */
public interface MailTransport {

    void send(SmtpSettings smtp, Outgoing mail) throws IOException;

    /** A text mail with our Message-ID and the thread headers. */
    record Outgoing(String to, String toName, String subject, String text, String messageId, String inReplyTo,
            String references, String language) {
    }
}
