package org.custodian.domain.model.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's choices per event kind: in the in-app list, by mail. No row: the defaults of {@link NotificationKind}. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "assigned_in_app", nullable = false)
    private boolean assignedInApp;

    @Column(name = "assigned_mail", nullable = false)
    private boolean assignedMail;

    @Column(name = "reply_in_app", nullable = false)
    private boolean replyInApp;

    @Column(name = "reply_mail", nullable = false)
    private boolean replyMail;

    @Column(name = "mention_in_app", nullable = false)
    private boolean mentionInApp;

    @Column(name = "mention_mail", nullable = false)
    private boolean mentionMail;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected NotificationPreference() {
        // for JPA
    }

    /** The defaults, to be changed and stored. */
    public static NotificationPreference defaults(String username, Instant now) {
        NotificationPreference preference = new NotificationPreference();
        preference.username = username;
        for (NotificationKind kind : NotificationKind.values()) {
            preference.set(kind, true, kind.mailByDefault(), now);
        }
        return preference;
    }

    public boolean inApp(NotificationKind kind) {
        return switch (kind) {
            case ASSIGNED -> assignedInApp;
            case CUSTOMER_REPLY -> replyInApp;
            case MENTION -> mentionInApp;
        };
    }

    public boolean mail(NotificationKind kind) {
        return switch (kind) {
            case ASSIGNED -> assignedMail;
            case CUSTOMER_REPLY -> replyMail;
            case MENTION -> mentionMail;
        };
    }

    public void set(NotificationKind kind, boolean inApp, boolean mail, Instant now) {
        switch (kind) {
            case ASSIGNED -> {
                assignedInApp = inApp;
                assignedMail = mail;
            }
            case CUSTOMER_REPLY -> {
                replyInApp = inApp;
                replyMail = mail;
            }
            case MENTION -> {
                mentionInApp = inApp;
                mentionMail = mail;
            }
        }
        changedAt = now;
    }

    public String getUsername() {
        return username;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
