package org.custodian.application.retention;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionAction;
import org.custodian.domain.model.retention.RetentionClock;
import org.custodian.domain.model.retention.RetentionDecision;
import org.custodian.domain.model.retention.RetentionPolicy;
import org.custodian.domain.model.retention.RetentionProgress;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.retention.RetentionResumePoint;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultRetentionService implements RetentionService {

    private static final int PREVIEW_PAGE = 1000;
    private static final int PREVIEW_ITEMS = 1000;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private Event<LegalHoldReleased> released;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private RetentionRepository retention;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<PolicyView> policies(Caller caller) {
        policy.enforce(caller, Permission.RETENTION_READ, AuditActions.RETENTION_POLICY, null);
        return retention.policies(false).stream().map(DefaultRetentionService::view).toList();
    }

    @Override
    public PolicyView createPolicy(Caller caller, PolicyInput input) {
        policy.enforce(caller, Permission.RETENTION_MANAGE, AuditActions.RETENTION_POLICY, null);
        Parsed parsed = parse(input);
        // a new policy is active unless the request says otherwise (before, "active": false was silently ignored)
        RetentionPolicy created = new RetentionPolicy(input.name(), parsed.categories(), parsed.regions(),
                parsed.clock(), input.days(), parsed.action(), !Boolean.FALSE.equals(input.active()), input.reason(),
                caller.username(), clock.instant());
        retention.store(created);
        audit.record(caller, AuditActions.RETENTION_POLICY_CHANGE, AuditActions.RETENTION_POLICY,
                String.valueOf(created.getId()), describe(created), AuditOutcome.SUCCESS);
        return view(created);
    }

    @Override
    public PolicyView revisePolicy(Caller caller, long id, PolicyInput input, Long expectedVersion) {
        policy.enforce(caller, Permission.RETENTION_MANAGE, AuditActions.RETENTION_POLICY, String.valueOf(id));
        RetentionPolicy existing = retention.findPolicyForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("retention policy", id));
        StaleVersionException.check("retention policy " + id, expectedVersion, existing.getVersion());
        Parsed parsed = parse(input);
        existing.revise(input.name(), parsed.categories(), parsed.regions(), parsed.clock(), input.days(),
                parsed.action(), input.active() == null || input.active(), input.reason(), caller.username(),
                clock.instant());
        audit.record(caller, AuditActions.RETENTION_POLICY_CHANGE, AuditActions.RETENTION_POLICY, String.valueOf(id),
                describe(existing), AuditOutcome.SUCCESS);
        return view(existing);
    }

    @Override
    public List<HoldView> holds(Caller caller) {
        policy.enforce(caller, Permission.HOLD_READ, AuditActions.LEGAL_HOLD, null);
        return retention.holds(false).stream().map(DefaultRetentionService::view).toList();
    }

    @Override
    public HoldView placeHold(Caller caller, HoldInput input) {
        policy.enforce(caller, Permission.HOLD_MANAGE, AuditActions.LEGAL_HOLD, null);
        RuleCheck check = new RuleCheck();
        LegalHold.Scope scope = Inputs.enumValue(LegalHold.Scope.class, input.scope(), "scope", true, check);
        check.throwIfAny();
        Instant now = clock.instant();
        LegalHold hold = switch (scope) {
            case CUSTOMER -> {
                new RuleCheck().require(input.customerId() != null, "customerId", "is required for a CUSTOMER hold")
                        .throwIfAny();
                // a merged record's tickets belong to its survivor (#23): the hold goes where they are
                long held = customers.find(input.customerId()).map(Customer::getMergedInto)
                        .orElse(input.customerId());
                yield LegalHold.onCustomer(held, input.reason(), input.authority(), caller.username(), now);
            }
            case TICKET -> {
                new RuleCheck().require(input.ticketId() != null, "ticketId", "is required for a TICKET hold")
                        .throwIfAny();
                if (tickets.find(input.ticketId()).isEmpty()) {
                    throw new ResourceNotFoundException("ticket", input.ticketId());
                }
                yield LegalHold.onTicket(input.ticketId(), input.reason(), input.authority(), caller.username(), now);
            }
            case QUERY -> {
                RuleCheck query = new RuleCheck();
                Set<Region> regions = regions(input.regions(), query);
                Instant from = Inputs.instant(input.createdFrom(), "createdFrom", false, query);
                Instant to = Inputs.instant(input.createdTo(), "createdTo", false, query);
                query.throwIfAny();
                yield LegalHold.onQuery(categories(input.categories()), regions, from, to, input.reason(),
                        input.authority(), caller.username(), now);
            }
        };
        // a purge chunk running now finishes first; the next one sees this hold
        retention.lockHoldGuard();
        retention.store(hold);
        audit.record(caller, AuditActions.LEGAL_HOLD_PLACE, AuditActions.LEGAL_HOLD, String.valueOf(hold.getId()),
                List.of("scope=" + hold.getScope(), "authority=" + hold.getAuthority()), AuditOutcome.SUCCESS);
        return view(hold);
    }

    @Override
    public HoldView releaseHold(Caller caller, long id, String reason) {
        policy.enforce(caller, Permission.HOLD_MANAGE, AuditActions.LEGAL_HOLD, String.valueOf(id));
        LegalHold hold = retention.findHoldForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("legal hold", id));
        hold.release(caller.username(), reason, clock.instant());
        audit.record(caller, AuditActions.LEGAL_HOLD_RELEASE, AuditActions.LEGAL_HOLD, String.valueOf(id),
                List.of("scope=" + hold.getScope()), AuditOutcome.SUCCESS);
        released.fire(new LegalHoldReleased(id));
        return view(hold);
    }

    @Override
    public Preview preview(Caller caller, String asOfText) {
        policy.enforce(caller, Permission.RETENTION_READ, AuditActions.RETENTION_POLICY, "preview");
        RuleCheck check = new RuleCheck();
        Instant given = Inputs.instant(asOfText, "asOf", false, check);
        Instant asOf = given == null ? clock.instant() : given;
        check.throwIfAny();
        long examined = 0;
        long anonymize = 0;
        long delete = 0;
        long held = 0;
        List<Item> shown = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Item> page = decideAfter(after, PREVIEW_PAGE, asOf, 0, 1);
            for (Item item : page) {
                examined++;
                switch (item.outcome()) {
                    case "ANONYMIZE" -> anonymize++;
                    case "DELETE" -> delete++;
                    case "HOLD", "RESTRICTED" -> held++;
                    default -> {
                        continue;
                    }
                }
                if (shown.size() < PREVIEW_ITEMS) {
                    shown.add(item);
                }
            }
            if (page.size() < PREVIEW_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).ticketId();
        }
        audit.record(caller, AuditActions.RETENTION_PREVIEW, AuditActions.RETENTION_POLICY, "preview",
                List.of("asOf=" + asOf, "anonymize=" + anonymize, "delete=" + delete, "held=" + held),
                AuditOutcome.SUCCESS);
        return new Preview(asOf, examined, anonymize, delete, held, shown, anonymize + delete + held > shown.size());
    }

    @Override
    public List<Item> decideAfter(long afterId, int limit, Instant asOf, int partition, int partitions) {
        List<RetentionPolicy> policies = retention.policies(true);
        List<LegalHold> holds = retention.holds(true);
        List<RetentionSubject> subjects = retention.subjectsAfter(afterId, limit, partition, partitions);
        List<RetentionDecision> decisions = decide(subjects, policies, holds, restrictions.restrictedCustomers(), asOf);
        // one query per page, not per ticket, for what must outlive a deleted ticket
        Set<Long> referenced = retention.referenced(deletions(subjects, decisions));
        List<Item> items = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            long ticketId = subjects.get(i).ticketId();
            RetentionDecision decision = decisions.get(i);
            items.add(new Item(ticketId, decision.outcome().name(), decision.policyId(), decision.holdId(),
                    referenced.contains(ticketId) ? "ticket " + ticketId + " is referenced by a break-glass override"
                            + " or an alert, which must outlive it; anonymize it instead or delete those first"
                            : null));
        }
        return items;
    }

    @Override
    public Applied apply(List<Item> items, Instant asOf, boolean dryRun, Caller job) {
        // The guard first (the job already took it in beginChunk; taking it again in the same transaction is
        // free): every hold committed before is read below, and none can be placed until this chunk commits. The
        // tickets are locked too, so activity since they were read is seen and cannot interleave.
        retention.shareHoldGuard();
        List<RetentionPolicy> policies = retention.policies(true);
        List<LegalHold> holds = retention.holds(true);
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add(item.ticketId()));
        List<RetentionSubject> subjects = retention.lockSubjects(ids);
        List<RetentionDecision> decisions = decide(subjects, policies, holds, restrictions.restrictedCustomers(), asOf);
        // referenced since it was read: left alone; the next run skips it with the reason
        Set<Long> referenced = retention.referenced(deletions(subjects, decisions));
        List<Long> anonymize = new ArrayList<>();
        List<Long> delete = new ArrayList<>();
        List<AuditService.Entry> skeletons = new ArrayList<>();
        // #24: a purged ticket's attachments go with it (anonymized or deleted), counted per ticket in its skeleton
        Map<Long, Integer> files = retention.attachmentCounts(ids);
        int held = 0;
        int attachments = 0;
        for (int i = 0; i < subjects.size(); i++) {
            RetentionSubject subject = subjects.get(i);
            RetentionDecision decision = decisions.get(i);
            String action;
            switch (decision.outcome()) {
                case HOLD, RESTRICTED -> {
                    held++;
                    continue;
                }
                case ANONYMIZE -> {
                    anonymize.add(subject.ticketId());
                    action = AuditActions.RETENTION_ANONYMIZE;
                }
                case DELETE -> {
                    if (referenced.contains(subject.ticketId())) {
                        continue;
                    }
                    delete.add(subject.ticketId());
                    action = AuditActions.RETENTION_DELETE;
                }
                default -> {
                    continue; // no longer due (policy changed or activity since it was read): nothing to do
                }
            }
            int removed = files.getOrDefault(subject.ticketId(), 0);
            attachments += removed;
            // the skeleton stays in the trail: what, when, under which policy; no personal data
            skeletons.add(new AuditService.Entry(action, AuditActions.TICKET, String.valueOf(subject.ticketId()),
                    List.of("policy=" + decision.policyId(), "expiredAt=" + decision.expiredAt(),
                            "category=" + subject.category(), "region=" + subject.region(),
                            "status=" + subject.status(), "attachments=" + removed), AuditOutcome.SUCCESS));
        }
        if (!dryRun) {
            // only tickets decided above: a held or restricted ticket's files are never in these lists
            List<Long> purged = new ArrayList<>(anonymize);
            purged.addAll(delete);
            retention.removeAttachments(purged);
            retention.anonymize(anonymize, clock.instant());
            retention.delete(delete);
            audit.recordAll(job, skeletons);
        }
        return new Applied(anonymize.size(), delete.size(), held, items.size() - subjects.size(), attachments);
    }

    @Override
    public void beginChunk() {
        retention.shareHoldGuard();
    }

    @Override
    public void countProgress(long jobInstanceId, int partition, long lastTicketId, RetentionProgress more) {
        if (!more.isEmpty()) {
            retention.countProgress(jobInstanceId, partition, lastTicketId, more);
        }
    }

    @Override
    public Optional<RetentionResumePoint> resumePoint(long jobInstanceId, int partition) {
        return retention.resumePoint(jobInstanceId, partition);
    }

    @Override
    public RetentionProgress progress(long jobInstanceId) {
        return retention.progress(jobInstanceId);
    }

    private static List<RetentionDecision> decide(List<RetentionSubject> subjects, List<RetentionPolicy> policies,
            List<LegalHold> holds, Set<Long> restricted, Instant asOf) {
        List<RetentionDecision> decisions = new ArrayList<>(subjects.size());
        subjects.forEach(subject -> decisions.add(
                RetentionDecision.decide(subject, policies, holds, restricted, asOf)));
        return decisions;
    }

    private static List<Long> deletions(List<RetentionSubject> subjects, List<RetentionDecision> decisions) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (decisions.get(i).outcome() == RetentionDecision.Outcome.DELETE) {
                ids.add(subjects.get(i).ticketId());
            }
        }
        return ids;
    }

    private record Parsed(Set<String> categories, Set<Region> regions, RetentionClock clock, RetentionAction action) {
    }

    private static Parsed parse(PolicyInput input) {
        RuleCheck check = new RuleCheck();
        Set<Region> regions = regions(input.regions(), check);
        RetentionClock retentionClock = Inputs.enumValue(RetentionClock.class, input.clock(), "clock", true, check);
        RetentionAction action = Inputs.enumValue(RetentionAction.class, input.action(), "action", true, check);
        check.throwIfAny();
        return new Parsed(categories(input.categories()), regions, retentionClock, action);
    }

    private static Set<String> categories(List<String> categories) {
        Set<String> parsed = new LinkedHashSet<>();
        if (categories != null) {
            categories.forEach(category -> parsed.add(category == null ? null : category.trim().toUpperCase(Locale.ROOT)));
        }
        return parsed;
    }

    private static Set<Region> regions(List<String> codes, RuleCheck check) {
        Set<Region> regions = EnumSet.noneOf(Region.class);
        if (codes != null) {
            for (String code : codes) {
                Region region = Inputs.enumValue(Region.class, code, "regions", true, check);
                if (region != null) {
                    regions.add(region);
                }
            }
        }
        return regions;
    }


    private static List<String> describe(RetentionPolicy policy) {
        return List.of("version=" + policy.getVersion(), "action=" + policy.getAction(), "days=" + policy.getDays(),
                "clock=" + policy.getClock(), "active=" + policy.isActive());
    }

    static PolicyView view(RetentionPolicy p) {
        return new PolicyView(p.getId(), p.getName(), p.getCategories(), p.getRegions().stream().map(Enum::name).toList(),
                p.getClock().name(), p.getDays(), p.getAction().name(), p.isActive(), p.getVersion(), p.getReason(),
                p.getChangedBy(), p.getChangedAt());
    }

    static HoldView view(LegalHold h) {
        return new HoldView(h.getId(), h.getScope().name(), h.getCustomerId(), h.getTicketId(), h.getQueryCategories(),
                h.getQueryRegions().stream().map(Enum::name).toList(), h.getQueryCreatedFrom(), h.getQueryCreatedTo(),
                h.getReason(), h.getAuthority(), h.getCreatedBy(), h.getCreatedAt(), h.getReleasedBy(),
                h.getReleasedAt(), h.getReleaseReason(), h.isActive());
    }
}
