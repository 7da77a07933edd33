package org.custodian.application.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.custodian.domain.model.mail.OutboxMail;

/**
 * One step of either mail outbox (customer mail, staff notification mail), in the caller's transaction: nothing
 * while sending is off, else the next due row, locked, handed to {@code deliver}, which renders the mail and
 * {@link #send sends} it the same way for both.
 */
public final class MailOutboxStep {

    private static final Logger LOG = Logger.getLogger(MailOutboxStep.class.getName());

    private MailOutboxStep() {
    }

    /** Answers whether there was a due row. */
    public static <T extends OutboxMail> boolean deliverNext(MailSettings settings, Clock clock,
            Function<Instant, Optional<T>> lockNextDue, BiConsumer<T, Instant> deliver) {
        if (!settings.sending()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<T> row = lockNextDue.apply(now);
        row.ifPresent(due -> deliver.accept(due, now));
        return row.isPresent();
    }

    /**
     * Hands the row's mail to the SMTP server. Taken: the row is SENT, true. Refused or unreachable: the next
     * attempt moves out (the row is FAILED after the last one, which the caller audits) and the failure is logged
     * with the attempt it was, as {@code what} "not sent"; false.
     */
    public static boolean send(MailSettings settings, MailTransport transport, OutboxMail row,
            MailTransport.Outgoing mail, Instant now, String what) {
        try {
            transport.send(settings.smtp(), mail);
        } catch (Exception e) {
            settings.attemptFailed(row, e, now);
            LOG.warning(() -> what + " not sent (attempt " + row.getAttempts().getCount() + "): " + e.getMessage());
            return false;
        }
        row.sent(now);
        return true;
    }
}
