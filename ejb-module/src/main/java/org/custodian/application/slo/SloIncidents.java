package org.custodian.application.slo;

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
 * Stores one objective's evaluation and, when it has just become missed, opens its incident: an alert and a ticket
 * for the operations team, through {@link MonitoringDedup} (so an incident still open from an earlier stretch gets a
 * comment and a count instead of a second ticket). One transaction per objective, so one failure spoils no other.
 * The fingerprint's row is locked before the last evaluation is read: two nodes evaluating at once open one incident.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SloIncidents {

    /** The source of the governance incidents in their fingerprint. */
    static final String SOURCE = "custodian-slo";
    static final String RULE = "SLO_MISSED";
    /** Not a category a caller may choose (not on the master list); the ticket keeps it. */
    static final String CATEGORY = "GOVERNANCE";
    private static final String ACTOR = "governance-slo";

    @EJB
    private AuditService audit;

    @EJB
    private MonitoringDedup dedup;

    @Inject
    private SloEvaluations evaluations;

    @Inject
    private AlertRepository alerts;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @EJB
    private TicketChangeEffects effects;

    @Inject
    @ConfigProperty(name = "custodian.slo.incident-region", defaultValue = "EU")
    String incidentRegion;

    /** What an evaluation did: the incident ticket (null: none), and whether it is a new ticket. */
    public record Outcome(Long ticketId, boolean opened) {
    }

    public Outcome evaluate(Objective objective, Instant now) {
        Caller system = Caller.system(ACTOR, null);
        if (!objective.missed()) {
            Optional<SloEvaluations.Evaluation> previous = evaluations.latest(objective.id());
            store(objective, null, now);
            if (previous.isPresent() && Objective.MISSED.equals(previous.get().status())) {
                audit.record(system, SloAuditActions.SLO_MET_AGAIN, SloAuditActions.SLO, objective.id(),
                        List.of("value=" + objective.value(), "target=" + objective.target()), AuditOutcome.SUCCESS);
            }
            return new Outcome(null, false);
        }
        MonitoringDedup.Match match = dedup.match(SOURCE, AlertSubject.own(RULE, objective.id()), now);
        Optional<SloEvaluations.Evaluation> previous = evaluations.latest(objective.id());
        if (previous.isPresent() && Objective.MISSED.equals(previous.get().status())) {
            // still missed: the incident of this stretch stands, nothing new is opened
            store(objective, previous.get().incidentTicketId(), now);
            return new Outcome(previous.get().incidentTicketId(), false);
        }
        String detail = "Objective " + objective.id() + " missed: " + value(objective) + " against a target of "
                + (Objective.AT_LEAST.equals(objective.comparison()) ? "at least " : "at most ") + objective.target()
                + " " + objective.unit() + " (" + objective.detail() + "). Measured from: " + objective.basis() + ".";
        Optional<Ticket> open = match.open();
        long ticketId;
        if (open.isPresent()) {
            ticketId = noteAgain(system, open.get(), match, detail, now);
        } else {
            ticketId = openIncident(system, objective, match, detail, now);
        }
        store(objective, ticketId, now);
        return new Outcome(ticketId, open.isEmpty());
    }

    private long openIncident(Caller system, Objective objective, MonitoringDedup.Match match, String detail,
            Instant now) {
        Alert alert = new Alert(RULE, "slo:" + objective.id(), 1, 0, now, now, 0, cut(detail, 1000), now);
        alerts.store(alert);
        audit.record(system, SloAuditActions.SLO_MISSED, AuditActions.ALERT, String.valueOf(alert.getId()),
                List.of("objective=" + objective.id(), "remit=" + objective.remit(), "value=" + objective.value(),
                        "target=" + objective.target()), AuditOutcome.SUCCESS);
        Region region = Region.parse(incidentRegion).orElse(Region.EU);
        Customer operations = customers.findByExternalId(Reserved.OPERATIONS_ID).orElseGet(() -> {
            Customer created = new Customer(Reserved.OPERATIONS_ID, "Custodian operations", null, null, region, now);
            customers.store(created);
            return created;
        });
        Ticket ticket = new Ticket(new TicketDetails(cut("Governance objective missed: " + objective.id(), 200),
                "Alert " + alert.getId() + " (" + RULE + "): " + cut(detail, 3800) + "\nSee GET"
                        + " /api/v1/reports/governance-slo for the objectives.", TicketPriority.HIGH, CATEGORY, null,
                null, null), operations, operations.getRegion(), now);
        tickets.store(ticket);
        tickets.flush();
        // like every other new ticket: its SLA clocks (a policy for GOVERNANCE sets the targets), webhooks, notices
        effects.opened(system, ticket);
        alert.openedTicket(ticket.getId());
        audit.record(system, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                List.of("subject", "description", "priority", "category", "customerId", "alert=" + alert.getId()),
                AuditOutcome.SUCCESS);
        dedup.opened(system, match, ticket.getId(), alert.getId(), now);
        return ticket.getId();
    }

    /** Missed again while the last stretch's ticket is still open: a comment and a count on it. */
    private long noteAgain(Caller system, Ticket ticket, MonitoringDedup.Match match, String detail, Instant now) {
        Comment again = new Comment(ticket, cut("Missed again at " + now + ": " + detail, 3900),
                CommentVisibility.INTERNAL, "system:" + ACTOR, now);
        tickets.store(again);
        tickets.flush();
        audit.record(system, AuditActions.COMMENT_CREATE, AuditActions.COMMENT, ticket.getId() + "/" + again.getId(),
                List.of("body", "visibility", "channel=AGENT"), AuditOutcome.SUCCESS);
        dedup.repeated(system, match, again.getId(), now);
        return ticket.getId();
    }

    private void store(Objective o, Long ticketId, Instant now) {
        evaluations.store(new SloEvaluations.Evaluation(o.id(), o.remit(), now, o.value(), o.target(), o.unit(),
                o.status(), ticketId));
    }

    private static String value(Objective o) {
        return o.value() == null ? "nothing to measure" : o.value() + " " + o.unit();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 3) + "..." : text;
    }
}
