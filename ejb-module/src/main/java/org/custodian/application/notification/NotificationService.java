package org.custodian.application.notification;

import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.user.Role;

/**
 * The port the ticket and mail services tell of changes through (#24), in their transaction: the in-app entries and
 * the outbox rows commit with the change or not at all. Nobody is told of a ticket the policy does not let them see,
 * nor of their own doing.
 */
public interface NotificationService {

    /**
     * After a ticket was opened or changed: tells a newly named assignee, or, with nobody named, the members of a
     * team it was newly routed to.
     *
     * @param assigneeBefore the assignee before the change (null: none or a new ticket)
     * @param teamKeyBefore the team's key before the change (null: none or a new ticket)
     */
    void assigned(Caller actor, Ticket ticket, String assigneeBefore, String teamKeyBefore);

    /**
     * After a comment was written: a customer's (PUBLIC, through a customer channel) tells the assignee, or the team
     * when nobody is named; an agent's tells everyone it mentions as {@code @username}.
     */
    void commented(Caller actor, Ticket ticket, Comment comment);

    /**
     * An in-app message for everyone holding {@code role} (#25: the privacy officers warned of a breach's 72-hour
     * clock), in the caller's transaction. The message must not carry personal data: everyone with the role reads it.
     */
    void tellRole(Role role, String topic, String resourceType, String resourceId, String message);

    /** The caller's own choices, every kind with its defaults filled in. */
    NotificationPreferences preferences(Caller caller);

    /** Changes the caller's own choices (a kind left out stays as it was). */
    NotificationPreferences changePreferences(Caller caller, List<NotificationPreferences.Change> changes);
}
