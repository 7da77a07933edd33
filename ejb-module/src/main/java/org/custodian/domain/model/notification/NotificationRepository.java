package org.custodian.domain.model.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Preferences and the notification mail outbox. */
public interface NotificationRepository {

    Optional<NotificationPreference> preferenceOf(String username);

    void store(NotificationPreference preference);

    void store(NotificationMail mail);

    /** The next due PENDING mail, locked (skipping rows another node holds); empty when none is due. */
    Optional<NotificationMail> lockNextDue(Instant now);

    Map<NotificationMail.Status, Long> outboxCounts();
}
