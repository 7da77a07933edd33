package org.custodian.application.notification;

/** The outbox of notification mail, sent by the mail outbox's timer (MailOutboxSchedule). */
public interface NotificationMailService {

    /** Sends one due mail in a transaction of its own; false when none was due. */
    boolean deliverNext();

    /** What /health shows: notification mail pending (being retried included) and given up (FAILED). */
    record Counts(long pending, long sent, long failed) {
    }

    Counts counts();
}
