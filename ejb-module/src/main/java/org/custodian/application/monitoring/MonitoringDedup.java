package org.custodian.application.monitoring;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
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
import org.custodian.domain.model.monitoring.OccurrenceRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.ticket.TicketStatus;

/**
 * One mechanism for every repeated alert: the fingerprint's open-incident row is locked first (so two nodes, or two
 * mails in one poll, open one ticket), its ticket is found if still open, and the caller then either opens a ticket
 * ({@link #opened}) or comments on the open one ({@link #repeated}, {@link #recovered}). Joins the caller's
 * transaction: the ticket, the comment, the counter and their audit events commit together.
 */
@Stateless
public class MonitoringDedup {

    @EJB
    private AuditService audit;

    @Inject
    private AlertRepository alerts;

    @Inject
    private TicketRepository tickets;

    @Inject
    private CustomerRepository customers;

    @Inject
    private OccurrenceRepository occurrences;

    @Inject
    private MonitoringSources sources;

    @EJB
    private TicketChangeEffects effects;

    /** An event matched against the open tickets: its fingerprint, and the open ticket that has it (if any). */
    public record Match(String source, AlertSubject alert, String fingerprint, OpenIncident incident,
            Optional<Ticket> open) {
    }

    /** Locks the fingerprint (until the transaction ends) and finds the open ticket that has it. */
    public Match match(String source, AlertSubject alert, Instant now) {
        String fingerprint = alert.fingerprint(source);
        OpenIncident incident = alerts.lockIncident(OpenIncident.key("monitoring", fingerprint), now);
        Optional<Ticket> open = Optional.ofNullable(incident.getTicketId()).flatMap(tickets::find)
                .filter(ticket -> !ticket.getStatus().isResolved());
        return new Match(source, alert, fingerprint, incident, open);
    }

    /** The event opened this ticket: occurrences 1, and the fingerprint now points to it. */
    public void opened(Caller caller, Match match, long ticketId, Long alertId, Instant now) {
        occurrences.first(ticketId, match.fingerprint(), match.source(), match.alert().host(), match.alert().check(),
                now);
        if (alertId == null) {
            match.incident().openedTicket(ticketId, now);
        } else {
            match.incident().opened(alertId, ticketId, now);
        }
        audit.record(caller, MonitoringAuditActions.MONITORING_OPENED, AuditActions.TICKET, String.valueOf(ticketId),
                fields(match, List.of("occurrences=1")), AuditOutcome.SUCCESS);
    }

    /**
     * Opens the operations team's HIGH ticket for one of the desk's own alerts (a backup failure, a missed
     * governance objective): on the operations customer record (made in {@code region} the first time), audited as
     * a ticket created for the alert, then {@link #opened}. Returns the ticket's id.
     */
    public long openOwnIncident(Caller system, Match match, Alert alert, String subject, String description,
            String category, Region region, Instant now) {
        Customer operations = customers.findByExternalId(Reserved.OPERATIONS_ID).orElseGet(() -> {
            Customer created = new Customer(Reserved.OPERATIONS_ID, "Custodian operations", null, null, region, now);
            customers.store(created);
            return created;
        });
        Ticket ticket = new Ticket(new TicketDetails(subject, description, TicketPriority.HIGH, category, null, null,
                null), operations, operations.getRegion(), now);
        tickets.store(ticket);
        tickets.flush();
        // like every other new ticket: its SLA clocks (#25), webhooks, notices
        effects.opened(system, ticket);
        alert.openedTicket(ticket.getId());
        audit.record(system, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                List.of("subject", "description", "priority", "category", "customerId", "alert=" + alert.getId()),
                AuditOutcome.SUCCESS);
        opened(system, match, ticket.getId(), alert.getId(), now);
        return ticket.getId();
    }

    /** The event came again while the ticket is open: counted, with the comment the caller made for it. */
    public int repeated(Caller caller, Match match, long commentId, Instant now) {
        long ticketId = match.open().orElseThrow().getId();
        if (occurrences.ofTicket(ticketId).isEmpty()) {
            // a ticket opened before the counter existed: it counts from its first event
            occurrences.first(ticketId, match.fingerprint(), match.source(), match.alert().host(),
                    match.alert().check(), now);
        }
        int count = occurrences.again(ticketId, now);
        audit.record(caller, MonitoringAuditActions.MONITORING_DEDUP, AuditActions.TICKET, String.valueOf(ticketId),
                fields(match, List.of("occurrences=" + count, "comment=" + commentId)), AuditOutcome.SUCCESS);
        return count;
    }

    /**
     * The alert ended: noted, and the ticket resolved only when {@code custodian.monitoring.close-on-recovery} says
     * so (by default a person decides whether the cause is really gone).
     */
    public boolean recovered(Caller caller, Match match, long commentId, Instant now) {
        Ticket ticket = match.open().orElseThrow();
        occurrences.recovered(ticket.getId(), now);
        boolean resolve = sources.closeOnRecovery();
        if (resolve) {
            tickets.lock(ticket);
            TicketStatus before = ticket.getStatus();
            ticket.revise(ticket.details(), TicketStatus.RESOLVED, null, now);
            tickets.flush();
            audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                    List.of("status=" + before + "->" + TicketStatus.RESOLVED, "reason=monitoring recovery"),
                    AuditOutcome.SUCCESS);
        }
        audit.record(caller, MonitoringAuditActions.MONITORING_RECOVERED, AuditActions.TICKET,
                String.valueOf(ticket.getId()), fields(match, List.of("comment=" + commentId,
                        "resolved=" + resolve)), AuditOutcome.SUCCESS);
        return resolve;
    }

    private static List<String> fields(Match match, List<String> more) {
        List<String> fields = new ArrayList<>();
        fields.add("fingerprint=" + match.fingerprint());
        fields.add("source=" + match.source());
        if (!match.alert().host().isEmpty()) {
            fields.add("host=" + match.alert().host());
        }
        if (!match.alert().check().isEmpty()) {
            fields.add("check=" + match.alert().check());
        }
        fields.addAll(more);
        return fields;
    }
}
