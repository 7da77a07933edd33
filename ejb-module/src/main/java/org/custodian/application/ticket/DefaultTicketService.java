package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.policy.Permission;
import org.custodian.application.pii.PiiService;
import org.custodian.application.pii.Redaction;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.audit.ReadAudit;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.application.shared.Caller;
import org.custodian.application.sla.SlaClocks;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.team.TeamService;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.monitoring.OccurrenceRepository;
import org.custodian.domain.model.monitoring.OccurrenceRepository.Occurrences;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.ticket.TicketSearch;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultTicketService implements TicketService {

    /** The fields a client sets when opening a ticket (names only: values are not copied into the trail). */
    private static final List<String> WRITTEN_FIELDS = List.of("subject", "description", "priority", "category",
            "productSku", "siteCode", "region", "assignee", "customerId", "team");

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private PiiService pii;

    @EJB
    private TeamService teams;

    @EJB
    private CatalogService catalog;

    @Inject
    private ConsentRepository consents;

    @Inject
    private TicketRepository tickets;

    @Inject
    private UserRepository users;

    @Inject
    private FieldDigest digest;

    @Inject
    private CustomerRepository customers;

    @Inject
    private MergedDuplicates mergedDuplicates;

    @Inject
    private TeamAssignment teamAssignment;

    @EJB
    private SlaClocks slaClocks;

    @EJB
    private TicketChangeEffects effects;

    @Inject
    private OccurrenceRepository occurrences;

    private final Clock clock = Clock.systemUTC();

    @Override
    public TicketView open(Caller caller, NewTicket input) {
        policy.enforce(caller, Permission.TICKET_WRITE, AuditActions.TICKET, null);
        RuleCheck check = new RuleCheck();
        TicketPriority priority = input.priority() == null ? TicketPriority.NORMAL
                : Inputs.enumValue(TicketPriority.class, input.priority(), "priority", true, check);
        Region requestedRegion = Inputs.enumValue(Region.class, input.region(), "region", false, check);
        check.require(input.customerId() != null, "customerId", "is required: the id of an existing customer");
        check.throwIfAny();
        policy.rejectReserved(TicketView.ENTITY, "category", null, input.category());

        // locked: an erasure of this record either finished before (and is seen below) or waits for this ticket
        Customer customer = customers.findForUpdate(input.customerId()).orElse(null);
        if (customer == null) {
            new RuleCheck().require(false, "customerId", "customer " + input.customerId() + " does not exist")
                    .throwIfAny();
        }
        // the customer's region first: a refusal must not reveal anything about another region's customer
        AccessContext context = policy.contextFor(caller);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE,
                ResourceScope.newTicket(customer, input.category()));
        if (customer.getErasedAt() != null) {
            // the erasure ledger would anonymize the new ticket again at the next restore
            new RuleCheck().require(false, "customerId", "customer " + input.customerId() + " was erased (GDPR"
                    + " Art. 17); if the person comes back, register them as a new customer").throwIfAny();
        }
        if (customer.isTombstone()) {
            new RuleCheck().require(false, "customerId", "customer " + input.customerId() + " was merged into"
                    + " customer " + customer.getMergedInto() + "; open the ticket for that customer").throwIfAny();
        }
        Region region = requestedRegion == null ? customer.getRegion() : requestedRegion;
        Redaction subject = pii.redactForStorage(input.subject());
        Redaction description = pii.redactForStorage(input.description());
        TicketDetails details = new TicketDetails(subject.text(), description.text(), priority,
                input.category(), Inputs.blankToNull(input.productSku()), Inputs.blankToNull(input.siteCode()),
                Inputs.blankToNull(input.assignee()));
        ListedValues.require(catalog, null, details);
        ResourceScope scope = new ResourceScope("TICKET", null, region, details.category(), null, customer.getId());
        if (details.assignee() != null) {
            Assignees.requireAssignable(policy, users, details.assignee(), scope);
        }
        TeamAssignment.Outcome routing = teamAssignment.decide(null, input.team() != null, input.team(),
                details.assignee(), true, scope);
        Ticket ticket = new Ticket(details, customer, region, clock.instant());
        ticket.routeTo(routing.team(), clock.instant());
        ticket.noteRedacted(Redaction.merge(subject, description).keySet());
        tickets.store(ticket);
        audit.record(caller, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                WRITTEN_FIELDS, AuditOutcome.SUCCESS);
        recordRedaction(caller, AuditActions.TICKET, String.valueOf(ticket.getId()), subject, description);
        tickets.flush();
        effects.opened(caller, ticket);
        return TicketSlaField.add(reply(decision, ticket), slaClocks);
    }

    @Override
    public TicketView get(Caller caller, long id) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, id, Permission.TICKET_READ, AuditActions.TICKET_READ);
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        Shown shown = TicketView.show(decision, ticket);
        ReadAudit.record(audit, caller, AuditActions.TICKET_READ, AuditActions.TICKET, String.valueOf(id), shown);
        Optional<Occurrences> counted = ticket.hasOccurrences() ? occurrences.ofTicket(id) : Optional.empty();
        return TicketSlaField.add(OccurrencesField.with(TicketView.of(shown, ticket), counted), slaClocks);
    }

    @Override
    public TicketView revise(Caller caller, long id, TicketChanges changes, Long expectedVersion) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, id, Permission.TICKET_WRITE, AuditActions.TICKET_UPDATE);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        StaleVersionException.check("ticket " + id, expectedVersion, ticket.getVersion());
        RuleCheck check = new RuleCheck();
        for (String field : changes.values().keySet()) {
            check.require(TicketChanges.PATCHABLE.contains(field), field,
                    "cannot be changed; patchable fields are " + TicketChanges.PATCHABLE);
        }
        TicketDetails current = ticket.details();
        TicketPriority priority = changes.has("priority")
                ? Inputs.enumValue(TicketPriority.class, changes.get("priority"), "priority", true, check)
                : current.priority();
        TicketStatus status = changes.has("status")
                ? Inputs.enumValue(TicketStatus.class, changes.get("status"), "status", true, check)
                : null;
        Instant resolvedAt = null;
        if (changes.has("resolvedAt") && changes.get("resolvedAt") != null) {
            try {
                resolvedAt = TicketChanges.parseInstant(changes.get("resolvedAt"));
            } catch (DateTimeParseException e) {
                check.require(false, "resolvedAt", "must be an ISO-8601 UTC time such as 2026-01-31T17:45:00Z");
            }
        }
        check.throwIfAny();
        if (changes.has("category") && !Objects.equals(changes.get("category"), current.category())) {
            policy.rejectReserved(TicketView.ENTITY, "category", current.category(), changes.get("category"));
            // decided before anything changes (a refusal does not roll back): a contractor may not move a
            // ticket out of what their grant covers
            policy.authorize(context, Permission.TICKET_WRITE, new ResourceScope("TICKET", String.valueOf(id),
                    ticket.getRegion(), changes.get("category"), ticket.getId(), ticket.getCustomer().getId()));
        }
        Redaction subject = pii.redactForStorage(changes.getOr("subject", current.subject()));
        Redaction description = pii.redactForStorage(changes.getOr("description", current.description()));
        // #23: the team first: a person who is not in a new team is taken off (said in the reply and the trail)
        TeamAssignment.Outcome routing = teamAssignment.decide(ticket.getTeam(), changes.has("team"),
                changes.get("team"), Inputs.blankToNull(changes.getOr("assignee", current.assignee())),
                changes.has("assignee"), new ResourceScope("TICKET", String.valueOf(id), ticket.getRegion(),
                        changes.getOr("category", current.category()), ticket.getId(), ticket.getCustomer().getId()));
        TicketDetails revised = new TicketDetails(subject.text(), description.text(), priority,
                changes.getOr("category", current.category()),
                Inputs.blankToNull(changes.getOr("productSku", current.productSku())),
                Inputs.blankToNull(changes.getOr("siteCode", current.siteCode())), routing.assignee());
        ListedValues.require(catalog, current, revised);
        if (revised.assignee() != null && !revised.assignee().equals(current.assignee())) {
            // checked when set or changed: an assignee given earlier stays until someone changes it
            Assignees.requireAssignable(policy, users, revised.assignee(), new ResourceScope("TICKET",
                    String.valueOf(id), ticket.getRegion(), revised.category(), ticket.getId(),
                    ticket.getCustomer().getId()));
        }
        Map<String, String> before = auditedValues(ticket);
        TicketStatus statusBefore = ticket.getStatus();
        String teamBefore = TeamAssignment.keyOf(ticket.getTeam());
        Set<String> changed = new LinkedHashSet<>(ticket.revise(revised, status, resolvedAt,
                clock.instant()));
        if (ticket.routeTo(routing.team(), clock.instant())) {
            changed.add("team");
        }
        ticket.noteRedacted(Redaction.merge(subject, description).keySet());
        audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(id),
                changeEntries(context, changed, before, auditedValues(ticket)), AuditOutcome.SUCCESS);
        recordRedaction(caller, AuditActions.TICKET, String.valueOf(id), subject, description);
        tickets.flush();
        effects.revised(caller, ticket, statusBefore, changed, current.assignee(), teamBefore);
        return TicketSlaField.add(TeamAssignment.noted(reply(decision, ticket), routing), slaClocks);
    }

    @Override
    public PageResult<TicketView> search(Caller caller, TicketQuery query) {
        policy.enforce(caller, Permission.TICKET_READ, AuditActions.TICKET, null);
        RuleCheck check = new RuleCheck()
                .require(query.page() >= 0, "page", "must be 0 or more (pages count from 0)")
                .require(query.size() >= 1 && query.size() <= TicketQuery.MAX_SIZE, "size",
                        "must be between 1 and " + TicketQuery.MAX_SIZE)
                .require((long) query.page() * Math.max(1, query.size()) <= Integer.MAX_VALUE, "page",
                        "is beyond any result for this page size")
                .optionalText(query.text(), "q", 200)
                .require(query.text() == null || query.text().isBlank()
                        || query.text().trim().length() >= TicketSearch.MIN_TEXT, "q", "must have at least "
                        + TicketSearch.MIN_TEXT + " characters (a shorter fragment would scan every ticket)");
        TicketStatus status = Inputs.enumValue(TicketStatus.class, query.status(), "status", false, check);
        Region region = Inputs.enumValue(Region.class, query.region(), "region", false, check);
        TicketSearch.Order order = Inputs.enumValue(TicketSearch.Order.class, query.sort(), "sort", false, check);
        check.require(order == null || order.ordinal() <= TicketSearch.Order.DUE.ordinal(), "sort",
                "must be newest, oldest, updated or due");
        String assignee = Inputs.blankToNull(query.assignee());
        check.optionalText(assignee, "assignee", 64);
        check.throwIfAny();
        Set<String> assignees = assignee == null ? null : assignees(caller, assignee);
        Set<Long> teamIds = assignee == null ? null : teamAssignment.queueTeams(caller, assignee);

        AccessContext context = policy.contextFor(caller);
        List<TicketSearch.Area> areas = new ArrayList<>();
        // an order by a time the caller cannot see everywhere would reveal it through the order
        String sortField = order == TicketSearch.Order.UPDATED ? "updatedAt" : "createdAt";
        boolean sortVisible = true;
        // comments are searched as they are read: staff-only ones only by those who may read them
        boolean internalComments = policy.allows(caller, Permission.COMMENT_INTERNAL_READ);
        for (AccessContext.SearchArea area : policy.searchAreas(context, Permission.TICKET_READ, region)) {
            Decision decision = area.decision();
            sortVisible &= decision.visibilityOf(TicketView.ENTITY, sortField) == Visibility.FULL;
            areas.add(new TicketSearch.Area(area.regions(), area.categories(), area.excludedCategories(),
                    textSource(decision, TicketView.ENTITY, "subject"),
                    textSource(decision, TicketView.ENTITY, "description"),
                    decision.visibilityOf(TicketView.ENTITY, "status") == Visibility.FULL,
                    decision.visibilityOf(TicketView.ENTITY, "assignee") == Visibility.FULL,
                    decision.visibilityOf(TicketView.ENTITY, "team") == Visibility.FULL,
                    textSource(decision, CommentView.ENTITY, "body"), internalComments));
        }
        TicketSearch.Order used = order == null ? TicketSearch.Order.NEWEST : order;
        if (!sortVisible && used != TicketSearch.Order.DUE) {
            // the order itself would reveal the time: by creation falls back to the id, by update is refused
            new RuleCheck().require(used != TicketSearch.Order.UPDATED, "sort", "you do not see updatedAt of every"
                    + " ticket you may search, so the results cannot be ordered by it").throwIfAny();
            used = used == TicketSearch.Order.OLDEST ? TicketSearch.Order.ID_ASCENDING
                    : TicketSearch.Order.ID_DESCENDING;
        }
        TicketRepository.PageOf<Ticket> found = tickets.search(
                new TicketSearch(status, Inputs.blankToNull(query.text()), assignees, teamIds,
                        used, areas, context.hiddenCustomers(),
                        query.page(), query.size()));
        List<Shown> shown = new ArrayList<>();
        for (Ticket ticket : found.items()) {
            shown.add(TicketView.show(policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket)),
                    ticket));
        }
        String ids = found.items().stream().map(ticket -> String.valueOf(ticket.getId()))
                .collect(Collectors.joining(","));
        ReadAudit.record(audit, caller, AuditActions.TICKET_SEARCH, AuditActions.TICKET, ids.isEmpty() ? null : ids,
                shown);
        List<TicketView> items = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            items.add(TicketView.of(shown.get(i), found.items().get(i)));
        }
        return new PageResult<>(TicketSlaField.addAll(items, slaClocks), query.page(), query.size(), found.total());
    }

    /**
     * The assignee filter: {@code me}; {@code unassigned} (#23: no person, routed to a team or not); {@code team}
     * (everyone in one of the caller's teams, or only the caller when they are in none, and the tickets routed to
     * those teams); {@code team:<key>} (one team the caller may see: its members' tickets and its own); else one
     * username.
     */
    private Set<String> assignees(Caller caller, String assignee) {
        if ("me".equalsIgnoreCase(assignee)) {
            return Set.of(caller.username());
        }
        if ("unassigned".equalsIgnoreCase(assignee)) {
            return Set.of(TicketSearch.UNASSIGNED);
        }
        if ("team".equalsIgnoreCase(assignee)) {
            return teams.teammatesOf(caller);
        }
        if (assignee.regionMatches(true, 0, "team:", 0, 5)) {
            String key = assignee.substring(5).trim();
            return teams.membersOf(caller, key).orElseThrow(() -> new DomainRuleViolationException("assignee",
                    "no team '" + key + "' among the teams you see (GET /api/v1/teams lists them)"));
        }
        return Set.of(assignee);
    }

    @Override
    public List<AssignableUser> assignableUsers(Caller caller, long id) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, id, Permission.TICKET_WRITE, AuditActions.TICKET_READ);
        policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        return Assignees.of(policy, users, ResourceScope.of(ticket));
    }

    @Override
    public Assignable assignable(Caller caller, long id) {
        List<AssignableUser> people = assignableUsers(caller, id);
        return new Assignable(teamAssignment.of(ResourceScope.of(tickets.find(id).orElseThrow()), people), people);
    }

    /** A text filter runs against exactly what the caller is shown of the field, never more. */
    private static TicketSearch.TextSource textSource(Decision decision, String entity, String field) {
        return switch (decision.visibilityOf(entity, field)) {
            case FULL -> TicketSearch.TextSource.ORIGINAL;
            // a search never runs against revealed values: REVEALABLE searches as MASKED (#23)
            case MASKED, REVEALABLE -> decision.policy().field(entity, field).maskStyle() == MaskStyle.FREE_TEXT
                    ? TicketSearch.TextSource.MASKED : TicketSearch.TextSource.NONE;
            case HIDDEN -> TicketSearch.TextSource.NONE;
        };
    }

    @Override
    public CommentView comment(Caller caller, long ticketId, NewComment input) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_WRITE, AuditActions.COMMENT_CREATE);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        // comments touch the ticket (last activity): concurrent ones queue on the row instead of failing
        tickets.lock(ticket);
        RuleCheck check = new RuleCheck();
        CommentVisibility visibility = input.visibility() == null ? CommentVisibility.INTERNAL
                : Inputs.enumValue(CommentVisibility.class, input.visibility(), "visibility", true, check);
        CommentChannel channel = input.channel() == null ? CommentChannel.AGENT
                : Inputs.enumValue(CommentChannel.class, input.channel(), "channel", true, check);
        check.throwIfAny();
        if (channel == CommentChannel.CHAT
                && !consents.isGiven(ticket.getCustomer().getId(), ConsentPurpose.CHAT_TRANSCRIPT_STORAGE)) {
            // the privacy-preserving default: the ticket goes on, the transcript is not kept
            throw new ConsentRequiredException(ticket.getCustomer().getId(), "the customer has not consented to"
                    + " CHAT_TRANSCRIPT_STORAGE (or withdrew it), so the chat transcript is not stored; record the"
                    + " consent first (POST /api/v1/customers/" + ticket.getCustomer().getId() + "/consents) or add a"
                    + " summary as an AGENT comment");
        }
        Redaction body = pii.redactForStorage(input.body());
        Comment comment = new Comment(ticket, body.text(), visibility, channel, caller.username(), clock.instant());
        comment.noteRedacted(body.counts().keySet());
        tickets.store(comment);
        TicketStatus statusBefore = ticket.getStatus();
        audit.record(caller, AuditActions.COMMENT_CREATE, AuditActions.COMMENT,
                ticketId + "/" + comment.getId(), List.of("body", "visibility", "channel=" + channel),
                AuditOutcome.SUCCESS);
        // #23: the customer's answer (PUBLIC, through a customer channel) takes a waiting ticket back into work
        if (visibility == CommentVisibility.PUBLIC && channel != CommentChannel.AGENT
                && ticket.customerAnswered(clock.instant())) {
            audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(ticketId),
                    List.of("status=" + TicketStatus.WAITING_ON_CUSTOMER + "->" + TicketStatus.IN_PROGRESS,
                            "reason=comment:" + comment.getId()), AuditOutcome.SUCCESS);
        }
        recordRedaction(caller, AuditActions.COMMENT, ticketId + "/" + comment.getId(), body);
        tickets.flush();
        effects.commented(caller, ticket, comment, statusBefore);
        // the author's own words come back as the policy shows them to the author (a masked agent sees masks)
        return new CommentView(comment.getId(), CommentView.show(decision, comment).body());
    }

    @Override
    public List<CommentView> comments(Caller caller, long ticketId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = find(context, ticketId, Permission.TICKET_READ, AuditActions.TICKET_READ);
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        List<Shown> shown = new ArrayList<>();
        List<CommentView> views = new ArrayList<>();
        // the same answer for the API and the portal: staff-only comments only for those the policy lets read them
        boolean internal = policy.allows(caller, Permission.COMMENT_INTERNAL_READ);
        for (Comment comment : tickets.commentsOf(ticketId)) {
            if (!internal && comment.getVisibility() == CommentVisibility.INTERNAL) {
                continue;
            }
            Shown one = CommentView.show(decision, comment);
            shown.add(one);
            views.add(new CommentView(comment.getId(), one.body()));
        }
        // #23: the comments of duplicates merged into this ticket, each as its own ticket's decision shows it
        for (Ticket duplicate : mergedDuplicates.readable(caller, ticketId)) {
            Decision onDuplicate = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(duplicate));
            for (Comment comment : tickets.commentsOf(duplicate.getId())) {
                if (!internal && comment.getVisibility() == CommentVisibility.INTERNAL) {
                    continue; // a duplicate's staff-only comments stay staff-only on the ticket it was merged into
                }
                Shown one = CommentView.show(onDuplicate, comment);
                shown.add(one);
                views.add(new CommentView(comment.getId(), one.body()));
            }
        }
        if (shown.isEmpty()) {
            shown.add(decision.show(CommentView.ENTITY));
        }
        ReadAudit.record(audit, caller, AuditActions.TICKET_READ, AuditActions.COMMENT, ticketId + "/*", shown);
        return views;
    }

    /**
     * Field-level changes for the trail: non-personal fields as {@code field=old->new}; personal ones only as a
     * keyed hash of the new value ({@code field=hmac:…}), never in clear.
     */
    private List<String> changeEntries(AccessContext context, Set<String> changed, Map<String, String> before,
            Map<String, String> after) {
        List<String> entries = new ArrayList<>();
        for (String field : changed) {
            if (context.policy().field(TicketView.ENTITY, field).classification().isPersonal()) {
                entries.add(field + "=" + digest.of(TicketView.ENTITY + "." + field, after.get(field)));
            } else {
                entries.add(field + "=" + before.get(field) + "->" + after.get(field));
            }
        }
        return entries;
    }

    private static Map<String, String> auditedValues(Ticket ticket) {
        Map<String, String> values = new HashMap<>();
        values.put("subject", ticket.getSubject());
        values.put("description", ticket.getDescription());
        values.put("status", ticket.getStatus().name());
        values.put("priority", ticket.getPriority().name());
        values.put("category", ticket.getCategory());
        values.put("productSku", ticket.getProductSku());
        values.put("siteCode", ticket.getSiteCode());
        values.put("assignee", ticket.getAssignee());
        values.put("team", TeamAssignment.keyOf(ticket.getTeam()));
        values.put("resolvedAt", ticket.getResolvedAt() == null ? null : ticket.getResolvedAt().toString());
        return values;
    }

    /** A written ticket comes back as the caller may see it (a masked agent does not get the clear text back). */
    private static TicketView reply(Decision decision, Ticket ticket) {
        return TicketView.of(TicketView.show(decision, ticket), ticket);
    }

    /** Card numbers and secrets were removed before writing: the trail says which types and how many. */
    private void recordRedaction(Caller caller, String resourceType, String resourceId, Redaction... parts) {
        Redaction all = new Redaction(null, Redaction.merge(parts));
        if (all.changed()) {
            audit.record(caller, AuditActions.PII_REDACTED, resourceType, resourceId, all.summaryEntries(),
                    AuditOutcome.SUCCESS);
        }
    }

    /** See {@link TicketLookup}: role first, then existence; the record's decision follows. */
    private Ticket find(AccessContext context, long id, Permission permission, String action) {
        return TicketLookup.find(policy, audit, tickets, context.caller(), id, permission, action);
    }
}
