package org.custodian.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import org.custodian.application.mail.MailTransport;
import org.custodian.application.mail.SmtpSettings;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends over SMTP with STARTTLS (required), SMTPS (TLS) or, for a local relay, plain (NONE).
 *
 * <p>Fault tolerance (MicroProfile, as the SIEM sender): a send that takes longer than 45 s is abandoned, a failed one
 * is tried twice more after a short pause (a blip of the relay); what still fails goes back to the outbox, whose
 * backoff spaces out the next attempts over minutes and hours.
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {

    private static final String TIMEOUT_MILLIS = "30000";

    @Override
    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = IOException.class)
    public void send(SmtpSettings smtp, Outgoing mail) throws IOException {
        String protocol = smtp.security().equals("TLS") ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty(p + "host", smtp.host());
        properties.setProperty(p + "port", String.valueOf(smtp.port()));
        properties.setProperty(p + "connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty(p + "timeout", TIMEOUT_MILLIS);
        properties.setProperty(p + "writetimeout", TIMEOUT_MILLIS);
        properties.setProperty(p + "auth", String.valueOf(smtp.user() != null));
        if (smtp.security().equals("STARTTLS")) {
            properties.setProperty(p + "starttls.enable", "true");
            properties.setProperty(p + "starttls.required", "true");
        }
        if (!smtp.security().equals("NONE")) {
            properties.setProperty(p + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setFrom(new InternetAddress(smtp.from(), smtp.fromName(), StandardCharsets.UTF_8.name()));
            message.setRecipient(Message.RecipientType.TO,
                    new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Content-Language", mail.language());
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
            }
            if (mail.references() != null) {
                message.setHeader("References", mail.references());
            }
            message.saveChanges();
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Keeps the Message-ID made when the outbox row was written (saveChanges would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
