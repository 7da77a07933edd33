package org.custodian.application.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.custodian.domain.model.mail.OutboxMail;

/**
 * One step of either mail outbox (customer mail, staff notification mail), in the caller's transaction: nothing
 * while sending is off, else the next due row, locked, handed to {@code deliver}. Answers whether there was one.
 */
public final class MailOutboxStep {

    private MailOutboxStep() {
    }

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
}
