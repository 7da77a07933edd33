package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.sla.SlaClocks;
import org.custodian.application.webhook.WebhookEvents;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketLink;
import org.custodian.domain.model.ticket.TicketLinkKind;
import org.custodian.domain.model.ticket.TicketLinkRepository;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultTicketWorkService implements TicketWorkService {

    static final int REASON_MAX = 2000;
    static final int HISTORY_LIMIT = 500;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    /** #24: the outbox of webhooks, written in this transaction. */
    @EJB
    private WebhookEvents webhookEvents;

    @EJB
    private TicketService ticketService;

    @EJB
    private SlaClocks slaClocks;

    @Inject
    private TicketRepository tickets;

    @Inject
    private TicketLinkRepository links;

    @Inject
    private AuditEventRepository events;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ReopenOption reopenOption(Caller caller, long ticketId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.TICKET_READ);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        return option(ticket);
    }

    private ReopenOption option(Ticket ticket) {
        Instant until = ticket.reopenableUntil(ReopenWindow.duration());
        String applies = !ticket.getStatus().isResolved() ? "NONE"
                : until != null && clock.instant().isBefore(until) ? "REOPEN" : "FOLLOW_UP";
        return new ReopenOption(ticket.getId(), ticket.getStatus().name(), applies, until, ReopenWindow.days());
    }

    @Override
    public TicketView reopen(Caller caller, long ticketId, String reason, Long expectedVersion) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.TICKET_REOPEN);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        StaleVersionException.check("ticket " + ticketId, expectedVersion, ticket.getVersion());
        new RuleCheck().requireMultilineText(reason, "reason", REASON_MAX).throwIfAny();
        if (ticket.getStatus().isResolved() && "FOLLOW_UP".equals(option(ticket).applies())) {
            new RuleCheck().require(false, "status", "the reopen window of " + ReopenWindow.days() + " days ended at "
                    + option(ticket).reopenUntil() + "; open a follow-up ticket instead (POST /api/v1/tickets/"
                    + ticketId + "/follow-up)").throwIfAny();
        }
        TicketStatus before = ticket.getStatus();
        ticket.reopen(ReopenWindow.duration(), clock.instant());
        tickets.flush();
        slaClocks.revised(ticket, before, false); // a reopen restarts the resolution clock (#25)
        // the reason stays with the ticket (and its retention), not as free text in the trail
        CommentView note = ticketService.comment(caller, ticketId,
                new NewComment("Reopened: " + reason.strip(), "INTERNAL", "AGENT"));
        audit.record(caller, AuditActions.TICKET_REOPEN, AuditActions.TICKET, String.valueOf(ticketId),
                List.of("status=" + before + "->" + TicketStatus.IN_PROGRESS, "reason=comment:" + note.id()),
                AuditOutcome.SUCCESS);
        tickets.flush();
        webhookEvents.ticketChanged(WebhookEvents.TICKET_UPDATED, ticket, null);
        return TicketSlaField.add(TicketView.of(TicketView.show(decision, ticket), ticket), slaClocks);
    }

    @Override
    public TicketView followUp(Caller caller, long ticketId, String subject, String description) {
        AccessContext context = policy.contextFor(caller);
        Ticket old = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.TICKET_FOLLOW_UP);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(old));
        TicketDetails details = old.details();
        // the old subject is not copied: the caller may see it masked, and the new ticket would hold it in clear
        String newSubject = subject == null || subject.isBlank() ? "Follow-up to ticket " + ticketId : subject;
        TicketView created = ticketService.open(caller, new NewTicket(old.getCustomer().getId(), newSubject,
                description, details.priority().name(), details.category(), details.productSku(),
                details.siteCode(), old.getRegion().name(), null));
        links.store(new TicketLink(created.id(), ticketId, TicketLinkKind.FOLLOW_UP, caller.username(),
                clock.instant()));
        audit.record(caller, AuditActions.TICKET_FOLLOW_UP, AuditActions.TICKET, String.valueOf(ticketId),
                List.of("followUp=" + created.id()), AuditOutcome.SUCCESS);
        audit.record(caller, AuditActions.TICKET_FOLLOW_UP, AuditActions.TICKET, String.valueOf(created.id()),
                List.of("followUpOf=" + ticketId), AuditOutcome.SUCCESS);
        tickets.flush();
        return created;
    }

    @Override
    public List<LinkView> links(Caller caller, long ticketId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_READ, AuditActions.TICKET_READ);
        policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        List<LinkView> views = new ArrayList<>();
        for (TicketLink link : links.linksOf(ticketId)) {
            long other = link.otherThan(ticketId);
            Ticket linked = tickets.find(other).orElse(null);
            // a link to a ticket the caller may not read is left out (its id would tell it exists)
            if (linked != null && policy.refusalsFor(List.of(caller), Permission.TICKET_READ,
                    ResourceScope.of(linked)).isEmpty()) {
                views.add(new LinkView(other, link.getKind().name(), link.getFromTicket() == ticketId,
                        link.getCreatedBy(), link.getCreatedAt()));
            }
        }
        return views;
    }

    @Override
    public LinkView link(Caller caller, long ticketId, Long otherId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.TICKET_LINK);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        new RuleCheck().require(otherId != null, "ticketId", "is required: the id of the ticket to link")
                .require(otherId == null || otherId != ticketId, "ticketId", "a ticket cannot be linked to itself")
                .throwIfAny();
        Ticket other = find(context, otherId, Permission.TICKET_WRITE, AuditActions.TICKET_LINK);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(other));
        if (links.find(ticketId, otherId, TicketLinkKind.RELATED).isPresent()) {
            throw new ConflictException("tickets " + ticketId + " and " + otherId + " are already linked");
        }
        TicketLink link = new TicketLink(ticketId, otherId, TicketLinkKind.RELATED, caller.username(),
                clock.instant());
        links.store(link);
        recordBoth(caller, AuditActions.TICKET_LINK, ticketId, otherId);
        tickets.flush();
        return new LinkView(otherId, link.getKind().name(), true, link.getCreatedBy(), link.getCreatedAt());
    }

    @Override
    public void unlink(Caller caller, long ticketId, long otherId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.TICKET_UNLINK);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        Ticket other = find(context, otherId, Permission.TICKET_WRITE, AuditActions.TICKET_UNLINK);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(other));
        TicketLink link = links.find(ticketId, otherId, TicketLinkKind.RELATED)
                .orElseThrow(() -> new ResourceNotFoundException("link to ticket", otherId));
        links.remove(link);
        recordBoth(caller, AuditActions.TICKET_UNLINK, ticketId, otherId);
        tickets.flush();
    }

    private void recordBoth(Caller caller, String action, long ticketId, long otherId) {
        audit.record(caller, action, AuditActions.TICKET, String.valueOf(ticketId), List.of("RELATED=" + otherId),
                AuditOutcome.SUCCESS);
        audit.record(caller, action, AuditActions.TICKET, String.valueOf(otherId), List.of("RELATED=" + ticketId),
                AuditOutcome.SUCCESS);
    }

    @Override
    public TicketView merge(Caller caller, long survivorId, Long duplicateId, String reason) {
        AccessContext context = policy.contextFor(caller);
        Ticket survivor = find(context, survivorId, Permission.TICKET_WRITE, AuditActions.TICKET_MERGE);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(survivor));
        new RuleCheck().require(duplicateId != null, "duplicateId", "is required: the id of the duplicate ticket")
                .require(duplicateId == null || duplicateId != survivorId, "duplicateId",
                        "a ticket cannot be merged into itself")
                .requireMultilineText(reason, "reason", REASON_MAX).throwIfAny();
        Ticket duplicate = find(context, duplicateId, Permission.TICKET_WRITE, AuditActions.TICKET_MERGE);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(duplicate));
        new RuleCheck()
                // the survivor shows the duplicate's comments: they must not leave their residency region
                .require(duplicate.getRegion() == survivor.getRegion(), "duplicateId",
                        "is in region " + duplicate.getRegion() + ", the ticket in " + survivor.getRegion()
                                + "; only tickets of one region can be merged")
                .require(duplicate.getStatus() != TicketStatus.CLOSED, "duplicateId",
                        "ticket " + duplicateId + " is already closed")
                .require(survivor.getStatus() != TicketStatus.CLOSED, "status",
                        "ticket " + survivorId + " is closed; merge into a ticket that is still open")
                .throwIfAny();
        ticketService.comment(caller, duplicateId, new NewComment("Merged into ticket " + survivorId + ": "
                + reason.strip(), "INTERNAL", "AGENT"));
        ticketService.comment(caller, survivorId, new NewComment("Ticket " + duplicateId
                + " was merged into this ticket: " + reason.strip(), "INTERNAL", "AGENT"));
        TicketStatus before = duplicate.getStatus();
        duplicate.closeAsDuplicate(clock.instant());
        links.store(new TicketLink(duplicateId, survivorId, TicketLinkKind.DUPLICATE, caller.username(),
                clock.instant()));
        audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(duplicateId),
                List.of("status=" + before + "->" + TicketStatus.CLOSED, "survivor=" + survivorId),
                AuditOutcome.SUCCESS);
        audit.record(caller, AuditActions.TICKET_MERGE, AuditActions.TICKET, String.valueOf(survivorId),
                List.of("duplicate=" + duplicateId), AuditOutcome.SUCCESS);
        tickets.flush();
        webhookEvents.ticketChanged(WebhookEvents.TICKET_UPDATED, duplicate, null);
        return TicketView.of(TicketView.show(decision, survivor), survivor);
    }

    @Override
    public List<HistoryEntry> history(Caller caller, long ticketId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_READ, AuditActions.TICKET_READ);
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        TicketHistory shown = new TicketHistory(decision);
        List<HistoryEntry> entries = new ArrayList<>();
        for (AuditEvent event : events.findChangesOfTicket(ticketId, TicketHistory.ACTIONS, HISTORY_LIMIT)) {
            entries.add(shown.entry(event));
        }
        // a read like the ticket's own: the basis and the fields whose values it showed
        Set<String> fields = new LinkedHashSet<>();
        fields.add(decision.basisEntry());
        fields.add("history");
        fields.addAll(shown.revealed());
        audit.record(caller, AuditActions.TICKET_READ, AuditActions.TICKET, ticketId + "/history", fields,
                AuditOutcome.SUCCESS);
        return entries;
    }

    /** See {@link TicketLookup}: role first, then existence; the record's decision follows. */
    private Ticket find(AccessContext context, long id, Permission permission, String action) {
        return TicketLookup.find(policy, audit, tickets, context.caller(), id, permission, action);
    }
}
