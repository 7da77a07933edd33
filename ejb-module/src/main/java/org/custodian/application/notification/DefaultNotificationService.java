package org.custodian.application.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.application.audit.AuditService;
import org.custodian.application.mail.MailSettings;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.notification.NotificationKind;
import org.custodian.domain.model.notification.NotificationMail;
import org.custodian.domain.model.notification.NotificationPreference;
import org.custodian.domain.model.notification.NotificationRepository;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;

/**
 * Writes the in-app entries and the mail outbox rows of a change, in its transaction. Each recipient is checked
 * against the policy as the recipient (never as the actor): who may not see the ticket is not told of it at all.
 */
@Stateless
public class DefaultNotificationService implements NotificationService {

    /** The in-app list's resource type of ticket notifications. */
    static final String TICKET = "TICKET";
    /** How the lists and mails name a customer who acted (never by name: that is personal data). */
    static final String CUSTOMER = "customer";

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private UserRepository users;

    @Inject
    private AccessRepository access;

    @Inject
    private NotificationRepository notifications;

    @Inject
    private MailSettings mailSettings;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void assigned(Caller actor, Ticket ticket, String assigneeBefore, String teamKeyBefore) {
        String assignee = ticket.getAssignee();
        Team team = ticket.getTeam();
        if (assignee != null && !assignee.equals(assigneeBefore)) {
            tell(actor.username(), ticket, NotificationKind.ASSIGNED, List.of(assignee), null, actor.username());
        } else if (assignee == null && team != null && !team.getKey().equals(teamKeyBefore)) {
            tell(actor.username(), ticket, NotificationKind.ASSIGNED, team.getMembers(), team, actor.username());
        }
    }

    @Override
    public void commented(Caller actor, Ticket ticket, Comment comment) {
        if (comment.getVisibility() == CommentVisibility.PUBLIC && comment.getChannel() != CommentChannel.AGENT) {
            // the customer's answer: whoever works the ticket, else the team it waits in
            Team team = ticket.getTeam();
            Collection<String> who = ticket.getAssignee() != null ? List.of(ticket.getAssignee())
                    : team != null ? team.getMembers() : List.of();
            tell(CUSTOMER, ticket, NotificationKind.CUSTOMER_REPLY, who, ticket.getAssignee() == null ? team : null,
                    actor.username());
        } else if (comment.getChannel() == CommentChannel.AGENT) {
            // only an agent's own words mention anyone: a customer's mail cannot page staff
            tell(actor.username(), ticket, NotificationKind.MENTION, Mentions.in(comment.getBody()), null,
                    actor.username());
        }
    }

    /** @param shownActor how the texts name who did it; {@code self} is never told of their own doing */
    private void tell(String shownActor, Ticket ticket, NotificationKind kind, Collection<String> usernames,
            Team team, String self) {
        Instant now = clock.instant();
        for (String username : new TreeSet<>(usernames)) {
            if (username.equals(self)) {
                continue;
            }
            User user = users.findByUsername(username).orElse(null);
            if (user == null || !user.isEnabled() || user.getRoles().isEmpty()) {
                continue; // a mention of a word that is nobody's name, or someone who cannot sign in
            }
            if (policy.decisionFor(asCaller(user), Permission.TICKET_READ, ResourceScope.of(ticket)).isEmpty()) {
                continue; // never tell anyone of a ticket they may not see
            }
            NotificationPreference choice = notifications.preferenceOf(username)
                    .orElseGet(() -> NotificationPreference.defaults(username, now));
            if (choice.inApp(kind)) {
                String line = NotificationTexts.listLine(NotificationTexts.language(user.getLocale()), kind,
                        team != null, "#" + ticket.getId(), shownActor, team == null ? null : team.getName());
                // shown while they hold any of their roles: the list is filtered by role, then by person
                Role role = user.getRoles().stream().sorted().findFirst().orElseThrow();
                access.store(Notification.forUser(username, role, kind.name(), TICKET, String.valueOf(ticket.getId()),
                        line, now));
            }
            if (choice.mail(kind) && mailSettings.sending() && user.getEmail() != null
                    && !user.getEmail().isBlank()) {
                notifications.store(new NotificationMail(username, kind, ticket.getId(), shownActor,
                        team == null ? null : team.getKey(), messageId(ticket.getId()), now));
            }
        }
    }

    private String messageId(long ticketId) {
        String from = mailSettings.smtp().from();
        return "<" + UUID.randomUUID() + ".n" + ticketId + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    static Caller asCaller(User user) {
        return new Caller(user.getUsername(), user.getRoles(), user.getRegions(), null, null);
    }

    @Override
    public void tellRole(Role role, String topic, String resourceType, String resourceId, String message) {
        access.store(new Notification(role, topic, resourceType, resourceId, message, clock.instant()));
    }

    @Override
    public NotificationPreferences preferences(Caller caller) {
        policy.enforce(caller, Permission.NOTIFICATION_READ, NotificationAuditActions.NOTIFICATION,
                caller.username());
        return view(caller, notifications.preferenceOf(caller.username())
                .orElseGet(() -> NotificationPreference.defaults(caller.username(), clock.instant())));
    }

    @Override
    public NotificationPreferences changePreferences(Caller caller, List<NotificationPreferences.Change> changes) {
        policy.enforce(caller, Permission.NOTIFICATION_READ, NotificationAuditActions.NOTIFICATION,
                caller.username());
        RuleCheck check = new RuleCheck();
        check.require(changes != null, "preferences", "is required: a list of {event, inApp, mail}");
        check.throwIfAny();
        List<NotificationKind> kinds = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            NotificationPreferences.Change change = changes.get(i);
            NotificationKind kind = change == null ? null : kind(change.event());
            check.require(kind != null, "preferences[" + i + "].event", "must be one of "
                    + List.of(NotificationKind.values()));
            kinds.add(kind);
        }
        check.throwIfAny();
        Instant now = clock.instant();
        NotificationPreference preference = notifications.preferenceOf(caller.username())
                .orElseGet(() -> NotificationPreference.defaults(caller.username(), now));
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            NotificationKind kind = kinds.get(i);
            NotificationPreferences.Change change = changes.get(i);
            boolean inApp = change.inApp() == null ? preference.inApp(kind) : change.inApp();
            boolean mail = change.mail() == null ? preference.mail(kind) : change.mail();
            preference.set(kind, inApp, mail, now);
            entries.add(kind.name() + "=inApp:" + inApp + ",mail:" + mail);
        }
        notifications.store(preference);
        audit.record(caller, NotificationAuditActions.PREFERENCES_CHANGE, NotificationAuditActions.NOTIFICATION,
                caller.username(), entries, AuditOutcome.SUCCESS);
        return view(caller, preference);
    }

    private static NotificationKind kind(String event) {
        if (event == null) {
            return null;
        }
        try {
            return NotificationKind.valueOf(event.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private NotificationPreferences view(Caller caller, NotificationPreference preference) {
        List<NotificationPreferences.Preference> list = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            list.add(new NotificationPreferences.Preference(kind.name(), preference.inApp(kind), preference.mail(kind)));
        }
        boolean address = users.findByUsername(caller.username()).map(User::getEmail)
                .filter(email -> !email.isBlank()).isPresent();
        return new NotificationPreferences(caller.username(), address, list);
    }
}
