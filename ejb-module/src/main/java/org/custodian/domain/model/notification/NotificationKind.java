package org.custodian.domain.model.notification;

/** What a person is told of; the in-app list's topic is the name. */
public enum NotificationKind {
    /** A ticket was assigned to them, or to a team of theirs with nobody in it named. */
    ASSIGNED(true),
    /** The customer answered a ticket of theirs (or of their team's, when nobody is named). */
    CUSTOMER_REPLY(false),
    /** Someone wrote @their-username in a comment on a ticket they may see. */
    MENTION(true);

    private final boolean mailByDefault;

    NotificationKind(boolean mailByDefault) {
        this.mailByDefault = mailByDefault;
    }

    /** The default for someone who never chose: the in-app list always, mail for what asks them to act. */
    public boolean mailByDefault() {
        return mailByDefault;
    }
}
