package org.custodian.application.notification;

/** The audit actions of notifications (#24). */
public final class NotificationAuditActions {

    /** A person changed their own notification choices; fields: the new choice per kind. */
    public static final String PREFERENCES_CHANGE = "NOTIFICATION_PREFERENCES_CHANGE";
    /** A notification mail reached the mail server; fields: kind, recipient, what of the ticket it showed. */
    public static final String MAIL_SENT = "NOTIFICATION_MAIL_SENT";
    /** The last attempt failed: the mail is given up (FAILED, counted on /health). */
    public static final String MAIL_SEND_FAILED = "NOTIFICATION_MAIL_SEND_FAILED";
    /** The resource type of preferences and of notification mail. */
    public static final String NOTIFICATION = "NOTIFICATION";

    private NotificationAuditActions() {
    }
}
