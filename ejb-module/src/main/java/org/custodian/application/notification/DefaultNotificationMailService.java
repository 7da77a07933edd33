package org.custodian.application.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.application.audit.AuditService;
import org.custodian.application.mail.MailOutboxStep;
import org.custodian.application.mail.MailSettings;
import org.custodian.application.mail.MailTransport;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.notification.NotificationMail;
import org.custodian.domain.model.notification.NotificationRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the notification outbox the way customer mail is sent (same transport, settings and backoff): one row per
 * transaction, rendered now from the ticket as the recipient's own policy view shows it, so a change of policy, a
 * redaction or an erasure since the event is respected, and someone who may no longer see the ticket gets nothing.
 */
@Stateless
public class DefaultNotificationMailService implements NotificationMailService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private NotificationRepository notifications;

    @Inject
    private UserRepository users;

    @Inject
    private TicketRepository tickets;

    @Inject
    private MailSettings settings;

    @Inject
    private MailTransport transport;

    @Inject
    @ConfigProperty(name = "custodian.public-url", defaultValue = "http://localhost:8080/")
    private String publicUrl;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverNext() {
        return MailOutboxStep.deliverNext(settings, clock, notifications::lockNextDue, this::deliver);
    }

    private void deliver(NotificationMail row, Instant now) {
        Caller system = Caller.system("notification-outbox", "notify-" + row.getId());
        User user = users.findByUsername(row.getRecipient()).orElse(null);
        Ticket ticket = tickets.find(row.getTicketId()).orElse(null);
        if (user == null || !user.isEnabled() || user.getEmail() == null || user.getEmail().isBlank()
                || ticket == null) {
            row.skipped("nothing to send: the recipient cannot be mailed any more or the ticket is gone");
            return;
        }
        Optional<Decision> view = policy.decisionFor(DefaultNotificationService.asCaller(user),
                Permission.TICKET_READ, ResourceScope.of(ticket));
        if (view.isEmpty()) {
            row.skipped("the recipient may not see the ticket any more");
            return;
        }
        // the subject exactly as the recipient's view shows it: masked where they see it masked, absent if hidden
        Shown shown = view.get().show("ticket").text("subject", ticket.getSubject(), ticket.getSubjectMasked());
        Object subject = shown.body().get("subject");
        String language = NotificationTexts.language(user.getLocale());
        String reference = settings.reference() == null ? "#" + ticket.getId() : settings.reference().of(ticket.getId());
        boolean toTeam = row.getTeamKey() != null;
        String team = !toTeam ? null : ticket.getTeam() != null && ticket.getTeam().getKey().equals(row.getTeamKey())
                ? ticket.getTeam().getName() : row.getTeamKey();
        String[] rendered = NotificationTexts.mail(language, row.getKind(), toTeam, reference,
                subject == null ? null : subject.toString(), row.getActor(), team,
                user.getDisplayName() == null ? user.getUsername() : user.getDisplayName(), link(ticket.getId()));
        MailTransport.Outgoing outgoing = new MailTransport.Outgoing(user.getEmail(), user.getDisplayName(),
                rendered[0], rendered[1], row.getMessageId(), null, null, language);
        if (!MailOutboxStep.send(settings, transport, row, outgoing, now,
                "Notification mail " + row.getId() + " to " + row.getRecipient())) {
            if (row.getStatus() == NotificationMail.Status.FAILED) {
                audit.record(system, NotificationAuditActions.MAIL_SEND_FAILED, NotificationAuditActions.NOTIFICATION,
                        String.valueOf(row.getId()), List.of("attempts=" + row.getAttempts().getCount(),
                                "ticket=" + ticket.getId()), AuditOutcome.FAILURE);
            }
            return;
        }
        List<String> entries = new ArrayList<>(List.of("to=user:" + user.getUsername(), "kind=" + row.getKind(),
                "ticket=" + ticket.getId(), "attempt=" + row.getAttempts().getCount(), "language=" + language));
        // what of the ticket went out, as a read by the recipient would record it
        entries.addAll(shown.auditEntries());
        audit.record(system, NotificationAuditActions.MAIL_SENT, NotificationAuditActions.NOTIFICATION,
                String.valueOf(row.getId()), entries, AuditOutcome.SUCCESS);
    }

    @Override
    public Counts counts() {
        Map<NotificationMail.Status, Long> counts = notifications.outboxCounts();
        return new Counts(counts.getOrDefault(NotificationMail.Status.PENDING, 0L),
                counts.getOrDefault(NotificationMail.Status.SENT, 0L),
                counts.getOrDefault(NotificationMail.Status.FAILED, 0L));
    }

    private String link(long ticketId) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "ticket.xhtml?id=" + ticketId;
    }
}
