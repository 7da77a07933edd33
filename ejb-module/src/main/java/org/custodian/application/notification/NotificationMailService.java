package org.custodian.application.notification;

/** The outbox of notification mail, sent by the mail outbox's timer (MailOutboxSchedule). */
public interface NotificationMailService {

    /** Sends one due mail in a transaction of its own; false when none was due. */
    boolean deliverNext();
}
