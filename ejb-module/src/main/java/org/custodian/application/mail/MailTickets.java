package org.custodian.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.monitoring.MonitoringDedup;
import org.custodian.application.monitoring.MonitoringSources;
import org.custodian.application.shared.Caller;
import org.custodian.application.ticket.TicketChangeEffects;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.mail.MailStatus;
import org.custodian.domain.model.mail.MessageIds;
import org.custodian.domain.model.monitoring.AlertSubject;
import org.custodian.domain.model.pii.PiiType;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.ticket.TicketStatus;

/**
 * Turns an accepted mail into a comment on its ticket (a reply) or a new ticket for its customer (found by the exact
 * address, or made and marked as made from mail). Joins the caller's transaction: the records, the lineage on the
 * mail row and their audit events commit together. The texts come in already redacted.
 */
@Stateless
public class MailTickets {

    /** SLA clocks, webhooks and notifications follow mail tickets and replies like any other (#24, #25). */
    @EJB
    private TicketChangeEffects effects;

    @EJB
    private AuditService audit;

    @EJB
    private org.custodian.application.webhook.WebhookEvents webhookEvents;

    @Inject
    private MailRepository mail;

    @Inject
    private TicketRepository tickets;

    @Inject
    private org.custodian.domain.model.customer.CustomerRepository customers;

    @Inject
    private MailSettings settings;

    @Inject
    private MonitoringSources monitoring;

    @Inject
    private TeamRepository teams;

    @EJB
    private MonitoringDedup dedup;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            MailTickets.class.getName());

    private final Clock clock = Clock.systemUTC();

    /** The ticket this mail answers: by its thread headers or the subject's reference, only if the sender owns it. */
    Optional<Ticket> threadOf(MailMessage row, String subject) {
        List<String> ids = new ArrayList<>(MessageIds.parse(row.getInReplyTo()));
        List<String> references = MessageIds.parse(row.getReferenceIds());
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        for (String id : ids) {
            Optional<Ticket> ticket = mail.ticketOfMessage(id).flatMap(tickets::find).filter(t -> owns(row, t));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        OptionalLong referenced = settings.reference() == null ? OptionalLong.empty()
                : settings.reference().find(subject);
        return referenced.isPresent() ? tickets.find(referenced.getAsLong()).filter(t -> owns(row, t))
                : Optional.empty();
    }

    /** A reply threads only from the ticket's own customer: anyone else's mail opens a ticket of its own. */
    private static boolean owns(MailMessage row, Ticket ticket) {
        Customer customer = ticket.getCustomer();
        return customer.getErasedAt() == null && !customer.isTombstone() && row.getFromKey() != null
                && row.getFromKey().equals(Customer.emailKey(customer.getEmail()));
    }

    /**
     * Makes the comment or the ticket and records the lineage on the row.
     *
     * @param removed what redaction took out of subject and text (recorded on the record made)
     */
    public void deliver(Caller caller, MailMessage row, Mailbox box, String subject, String text,
            Collection<PiiType> removed, List<String> redactionSummary) {
        Optional<Ticket> thread = threadOf(row, subject);
        Optional<MonitoringSources.Source> monitor = monitoring.of(row.getFromKey(), box.name());
        if (thread.isPresent()) {
            comment(caller, row, thread.get(), text, removed, redactionSummary);
        } else if (monitor.isPresent()) {
            alert(caller, row, box, monitor.get(), subject, text, removed, redactionSummary);
        } else {
            open(caller, row, box, subject, text, removed, redactionSummary);
        }
    }

    /**
     * A monitoring system's mail (#24): by its fingerprint a comment and a count on the alert's open ticket, or a new
     * ticket; the end of an alert with no open ticket makes nothing (there is nothing left to do).
     */
    private void alert(Caller caller, MailMessage row, Mailbox box, MonitoringSources.Source source, String subject,
            String text, Collection<PiiType> removed, List<String> redactionSummary) {
        AlertSubject alert = AlertSubject.parse(subject);
        Instant now = clock.instant();
        MonitoringDedup.Match match = dedup.match(source.name(), alert, now);
        if (match.open().isPresent()) {
            Ticket ticket = match.open().get();
            tickets.lock(ticket);
            String line = subject == null || subject.isBlank() ? "" : subject + "\n\n";
            Comment comment = new Comment(ticket, MailText.multiline(line + body(text), Comment.BODY_MAX),
                    CommentVisibility.PUBLIC, CommentChannel.EMAIL, "customer:" + ticket.getCustomer().getId(), now);
            comment.noteRedacted(removed);
            tickets.store(comment);
            tickets.flush();
            String resource = ticket.getId() + "/" + comment.getId();
            audit.record(caller, AuditActions.COMMENT_CREATE, AuditActions.COMMENT, resource,
                    lineage(row, List.of("body", "visibility=PUBLIC", "channel=EMAIL",
                            "fingerprint=" + match.fingerprint())), AuditOutcome.SUCCESS);
            redacted(caller, AuditActions.COMMENT, resource, redactionSummary);
            if (alert.kind() == AlertSubject.Kind.RECOVERY) {
                dedup.recovered(caller, match, comment.getId(), now);
            } else {
                dedup.repeated(caller, match, comment.getId(), now);
            }
            row.madeInto(MailStatus.COMMENT, ticket.getId(), comment.getId(), ticket.getCustomer().getId(), false);
        } else if (alert.kind() == AlertSubject.Kind.RECOVERY) {
            row.settle(MailStatus.IGNORED, "end of an alert without an open ticket (fingerprint "
                    + match.fingerprint().substring(0, 12) + ")", null);
        } else {
            open(caller, row, box, subject, text, removed, redactionSummary);
            dedup.opened(caller, match, row.getTicketId(), null, now);
        }
    }

    private void comment(Caller caller, MailMessage row, Ticket ticket, String text, Collection<PiiType> removed,
            List<String> redactionSummary) {
        tickets.lock(ticket);
        Comment comment = new Comment(ticket, body(text), CommentVisibility.PUBLIC, CommentChannel.EMAIL,
                "customer:" + ticket.getCustomer().getId(), clock.instant());
        comment.noteRedacted(removed);
        tickets.store(comment);
        tickets.flush();
        String resource = ticket.getId() + "/" + comment.getId();
        audit.record(caller, AuditActions.COMMENT_CREATE, AuditActions.COMMENT, resource,
                lineage(row, List.of("body", "visibility=PUBLIC", "channel=EMAIL")), AuditOutcome.SUCCESS);
        TicketStatus statusBefore = ticket.getStatus();
        if (ticket.customerAnswered(clock.instant())) {
            audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                    List.of("status=" + TicketStatus.WAITING_ON_CUSTOMER + "->" + TicketStatus.IN_PROGRESS,
                            "reason=comment:" + comment.getId()), AuditOutcome.SUCCESS);
        }
        redacted(caller, AuditActions.COMMENT, resource, redactionSummary);
        row.madeInto(MailStatus.COMMENT, ticket.getId(), comment.getId(), ticket.getCustomer().getId(), false);
        effects.commented(caller, ticket, comment, statusBefore);
    }

    private void open(Caller caller, MailMessage row, Mailbox box, String subject, String text,
            Collection<PiiType> removed, List<String> redactionSummary) {
        boolean created = false;
        Customer customer = pickCustomer(row, box);
        if (customer == null) {
            customer = new Customer(null, customerName(row), row.getFromAddress().trim(), null, box.region(),
                    clock.instant());
            customers.store(customer);
            customers.flush();
            created = true;
            audit.record(caller, AuditActions.CUSTOMER_CREATE, AuditActions.CUSTOMER,
                    String.valueOf(customer.getId()), lineage(row, List.of("name", "email", "region",
                            "createdFrom=mail")), AuditOutcome.SUCCESS);
            webhookEvents.customerChanged(org.custodian.application.webhook.WebhookEvents.CUSTOMER_CREATED,
                    customer);
        }
        TicketDetails details = new TicketDetails(subject == null || subject.isBlank() ? "(no subject)" : subject,
                body(text), TicketPriority.NORMAL, box.category(), null, null, null);
        Ticket ticket = new Ticket(details, customer, customer.getRegion(), clock.instant());
        Team team = teamFor(box, ticket);
        ticket.routeTo(team, clock.instant());
        ticket.noteRedacted(removed);
        tickets.store(ticket);
        tickets.flush();
        List<String> fields = new ArrayList<>(List.of("subject", "description", "priority", "category", "region",
                "customerId", "channel=EMAIL"));
        if (team != null) {
            fields.add("team=" + team.getKey());
        }
        audit.record(caller, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                lineage(row, fields), AuditOutcome.SUCCESS);
        redacted(caller, AuditActions.TICKET, String.valueOf(ticket.getId()), redactionSummary);
        effects.opened(caller, ticket);
        row.madeInto(MailStatus.TICKET, ticket.getId(), null, customer.getId(), created);
    }

    /**
     * The mailbox's team ({@code custodian.mail.inbox.<name>.team}) if it works the ticket's region; else none (a
     * customer found in another region than the mailbox's keeps the ticket in theirs, where that team has no say).
     */
    private Team teamFor(Mailbox box, Ticket ticket) {
        if (box.team() == null) {
            return null;
        }
        Optional<Team> team = teams.findByKey(box.team());
        if (team.isEmpty() || team.get().getRegion() != ticket.getRegion()) {
            LOG.warning(() -> "Mailbox " + box.name() + ": team '" + box.team() + "' " + (team.isEmpty()
                    ? "does not exist" : "works region " + team.get().getRegion() + ", not " + ticket.getRegion())
                    + "; the new ticket goes to no team");
            return null;
        }
        return team.get();
    }

    /** The exact address through the directory: a customer of the mailbox's region first, else the oldest. */
    private Customer pickCustomer(MailMessage row, Mailbox box) {
        List<Customer> found = mail.customersByEmail(row.getFromKey());
        return found.stream().filter(c -> c.getRegion() == box.region()).findFirst()
                .orElse(found.isEmpty() ? null : found.get(0));
    }

    private static String customerName(MailMessage row) {
        String name = row.getFromName();
        if (name == null || name.isBlank()) {
            name = row.getFromAddress().substring(0, row.getFromAddress().indexOf('@'));
        }
        return MailText.line(name, 200);
    }

    private static String body(String text) {
        return text == null || text.isBlank() ? "(the mail had no text)" : text;
    }

    /** The lineage every record made from mail carries in the trail: the source, the mailbox and the mail's row. */
    static List<String> lineage(MailMessage row, List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.add("source=mail");
        all.add("mailbox=" + row.getMailbox());
        all.add("mail=" + row.getId());
        return all;
    }

    private void redacted(Caller caller, String type, String id, List<String> summary) {
        if (!summary.isEmpty()) {
            audit.record(caller, AuditActions.PII_REDACTED, type, id, summary, AuditOutcome.SUCCESS);
        }
    }
}
