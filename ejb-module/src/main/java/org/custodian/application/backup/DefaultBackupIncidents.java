package org.custodian.application.backup;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.monitoring.MonitoringDedup;
import org.custodian.application.policy.Reserved;
import org.custodian.application.shared.Caller;
import org.custodian.application.ticket.TicketChangeEffects;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AlertRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.OpenIncident;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.monitoring.AlertSubject;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs in a transaction of its own so the incident survives the failure that caused it. A cause (rule and subject,
 * which names the set) has one open ticket at a time: repeats become internal comments on it. Backup incidents hold no
 * personal data; they belong to the operations team's own customer record, kept in the configured region.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultBackupIncidents implements BackupIncidents {

    @EJB
    private TicketChangeEffects effects;

    @EJB
    private AuditService audit;

    /** The source of the desk's own backup incidents in their fingerprint. */
    static final String SOURCE = "custodian-backup";

    @Inject
    private AlertRepository alerts;

    @EJB
    private MonitoringDedup dedup;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Inject
    @ConfigProperty(name = "custodian.backup.incident-region", defaultValue = "EU")
    String incidentRegion;

    @Override
    public long open(String rule, String actor, String subject, String detail) {
        Instant now = Instant.now();
        // one ticket per cause (the subject names the set) while it is open: a failure seen again, or seen by two
        // checks at once, is noted on that ticket; the second of two concurrent calls waits here for the first
        // #24: through the one dedup mechanism of monitoring events, so the ticket counts its occurrences too
        MonitoringDedup.Match match = dedup.match(SOURCE, AlertSubject.own(rule, subject), now);
        Optional<Ticket> open = match.open();
        if (open.isPresent()) {
            return noteAgain(open.get(), match, rule, actor, detail, now);
        }
        Region region = Region.parse(incidentRegion).orElse(Region.EU);
        Alert alert = new Alert(rule, actor, 1, 0, now, now, 0, detail, now);
        alerts.store(alert);
        Caller system = Caller.system(actor, rule);
        audit.record(system, AuditActions.BACKUP_INCIDENT, AuditActions.ALERT, String.valueOf(alert.getId()),
                List.of("rule=" + rule), AuditOutcome.SUCCESS);
        Customer operations = customers.findByExternalId(Reserved.OPERATIONS_ID).orElseGet(() -> {
            Customer created = new Customer(Reserved.OPERATIONS_ID, "Custodian operations", null, null, region, now);
            customers.store(created);
            return created;
        });
        String text = detail.length() > 3900 ? detail.substring(0, 3900) + "..." : detail;
        Ticket ticket = new Ticket(new TicketDetails(subject.length() > 200 ? subject.substring(0, 200) : subject,
                "Alert " + alert.getId() + " (" + rule + "): " + text + "\nSee GET /api/v1/backups and the job"
                        + " execution for details.", TicketPriority.HIGH, Reserved.BACKUP_CATEGORY, null, null, null),
                operations, operations.getRegion(), now);
        tickets.store(ticket);
        tickets.flush();
        // like every other new ticket: its SLA clocks (#25), webhooks, notices
        effects.opened(system, ticket);
        alert.openedTicket(ticket.getId());
        audit.record(system, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                List.of("subject", "description", "priority", "category", "customerId", "alert=" + alert.getId()),
                AuditOutcome.SUCCESS);
        dedup.opened(system, match, ticket.getId(), alert.getId(), now);
        return ticket.getId();
    }

    /** The comment's author column holds 64 characters. */
    private static String author(String actor) {
        String author = "system:" + actor;
        return author.length() > 64 ? author.substring(0, 64) : author;
    }

    private long noteAgain(Ticket ticket, MonitoringDedup.Match match, String rule, String actor, String detail,
            Instant now) {
        OpenIncident incident = match.incident();
        String text = "Happened again at " + now + ": " + detail;
        Comment again = new Comment(ticket, text.length() > 3900 ? text.substring(0, 3900) + "..." : text,
                CommentVisibility.INTERNAL, author(actor), now);
        tickets.store(again);
        tickets.flush();
        Caller system = Caller.system(actor, rule);
        audit.record(system, AuditActions.BACKUP_INCIDENT, AuditActions.ALERT, String.valueOf(incident.getAlertId()),
                List.of("rule=" + rule, "repeatedOnTicket=" + ticket.getId()), AuditOutcome.SUCCESS);
        audit.record(system, AuditActions.COMMENT_CREATE, AuditActions.COMMENT, ticket.getId() + "/" + again.getId(),
                List.of("body", "visibility", "channel=AGENT"), AuditOutcome.SUCCESS);
        dedup.repeated(system, match, again.getId(), now);
        return ticket.getId();
    }
}
