package org.custodian.application.privacy.breach;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.report.AccessReportService;
import org.custodian.application.audit.report.AccessReportService.ActorReads;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.Breach;
import org.custodian.domain.model.privacy.BreachRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultBreachService implements BreachService {

    static final int MAX_PAGE_SIZE = 200;
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    /** Clocks of clients and servers differ a little: "now" from a client may be slightly ahead of ours. */
    static final Duration SKEW = Duration.ofMinutes(5);

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private AccessReportService reports;

    @Inject
    private BreachRepository breaches;

    @Inject
    private BreachSettings settings;

    @Inject
    private BreachDraft drafts;

    @Inject
    private Event<BreachAlarmMoved> alarms;

    private final Clock clock = Clock.systemUTC();

    @Override
    public BreachView record(Caller caller, BreachInput input) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, "new");
        Instant now = now();
        RuleCheck check = new RuleCheck();
        Breach.Details details = new Breach.Details(input.nature(), input.categories(), input.subjectsApprox(),
                input.recordsApprox(), input.consequences(), input.measures());
        details.check(check);
        Instant aware = Inputs.instant(input.awareAt(), "awareAt", false, check);
        aware = aware == null ? now : aware.truncatedTo(ChronoUnit.MICROS);
        check.require(!aware.isAfter(now.plus(SKEW)), "awareAt", "must not be in the future");
        Alert alert = null;
        if (input.alertId() != null) {
            alert = breaches.alert(input.alertId()).orElse(null);
            check.require(alert != null, "alertId", "must name an anomaly alert");
        }
        String actor = Inputs.blankToNull(input.actor());
        Instant from = Inputs.instant(input.from(), "from", false, check);
        Instant to = Inputs.instant(input.to(), "to", false, check);
        if (alert != null) {
            actor = actor != null ? actor : alert.getActor();
            from = from != null ? from : alert.getWindowStart();
            to = to != null ? to : alert.getWindowEnd();
        }
        boolean access = actor != null || from != null || to != null;
        if (access) {
            check.optionalText(actor, "actor", 256)
                    .require(actor != null, "actor", "is required with a window: the username (or key) whose reads"
                            + " are the breach")
                    .require(from != null, "from", "is required with an actor: where the window starts")
                    .require(to != null, "to", "is required with an actor: where the window ends");
            if (from != null && to != null) {
                check.require(!to.isBefore(from), "to", "must not be before from")
                        .require(!to.isAfter(from.plus(MAX_WINDOW)), "to", "must be at most 366 days after from");
            }
        }
        check.throwIfAny();
        if (alert != null) {
            long alertId = alert.getId();
            breaches.breachOfAlert(alertId).ifPresent(existing -> {
                throw new ConflictException("alert " + alertId + " was already recorded as breach " + existing);
            });
        }
        Breach breach = new Breach(details, aware, settings.warningAfter(), input.alertId(), caller.username(), now);
        if (access) {
            // the scope from the access reports: the one path that reads the trail for who read what
            ActorReads reads = reports.actorReads(caller, actor, from, to);
            Map<Long, Long> ofTickets = breaches.customersOfTickets(reads.tickets());
            Set<Long> customers = new HashSet<>(reads.customers());
            customers.addAll(ofTickets.values());
            BreachScopes.Computed computed = BreachScopes.compute(reads, ofTickets,
                    breaches.regionsOfCustomers(customers));
            breach.scope(actor, from, to, computed.subjects(), computed.records(), reads.truncated());
        }
        breaches.store(breach);
        List<String> fields = new ArrayList<>(List.of("awareAt=" + breach.getAwareAt(), "due=" + breach.getDueAt(),
                "warnAt=" + breach.getWarnAt()));
        if (alert != null) {
            fields.add("alert=" + alert.getId());
        }
        if (access) {
            fields.addAll(List.of("actor=" + actor, "from=" + from, "to=" + to, "subjects="
                    + breach.getScopeSubjects(), "records=" + breach.getScopeRecords()));
        }
        audit.record(caller, BreachActions.BREACH_RECORD, BreachActions.BREACH, String.valueOf(breach.getId()),
                fields, AuditOutcome.SUCCESS);
        if (breach.getAlarmAt() != null) {
            alarms.fire(new BreachAlarmMoved(breach.getAlarmAt()));
        }
        return BreachViews.of(breach, true, now);
    }

    @Override
    public BreachInput proposal(Caller caller, long alertId) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, "alert/" + alertId);
        Alert alert = breaches.alert(alertId).orElseThrow(() -> new ResourceNotFoundException("alert", alertId));
        breaches.breachOfAlert(alertId).ifPresent(existing -> {
            throw new ConflictException("alert " + alertId + " was already recorded as breach " + existing);
        });
        String nature = "Possible unauthorised access to personal data by " + alert.getActor() + " between "
                + alert.getWindowStart().truncatedTo(ChronoUnit.SECONDS) + " and "
                + alert.getWindowEnd().truncatedTo(ChronoUnit.SECONDS) + " (anomaly alert " + alertId + ", "
                + alert.getRule() + ": " + alert.getDetail() + ").";
        return new BreachInput(nature, List.of(), null, null, null, null,
                now().truncatedTo(ChronoUnit.SECONDS).toString(), alert.getActor(),
                alert.getWindowStart().toString(), alert.getWindowEnd().toString(), alertId);
    }

    @Override
    public PageResult<BreachView> list(Caller caller, int page, int size) {
        policy.enforce(caller, Permission.BREACH_READ, BreachActions.BREACH, "list");
        new RuleCheck().require(page >= 0, "page", "must be 0 or more")
                .require(size >= 1 && size <= MAX_PAGE_SIZE, "size", "must be from 1 to " + MAX_PAGE_SIZE)
                .throwIfAny();
        Instant now = now();
        List<BreachView> views = breaches.page(page * size, size).stream()
                .map(breach -> BreachViews.of(breach, false, now)).toList();
        audit.record(caller, BreachActions.BREACH_LIST, BreachActions.BREACH, null,
                List.of("page=" + page, "size=" + size), AuditOutcome.SUCCESS);
        return new PageResult<>(views, page, size, breaches.count());
    }

    @Override
    public BreachView get(Caller caller, long id) {
        policy.enforce(caller, Permission.BREACH_READ, BreachActions.BREACH, String.valueOf(id));
        Breach breach = find(id);
        audit.record(caller, BreachActions.BREACH_READ, BreachActions.BREACH, String.valueOf(id), null,
                AuditOutcome.SUCCESS);
        return BreachViews.of(breach, true, now());
    }

    @Override
    public BreachView change(Caller caller, long id, BreachChange change) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, String.valueOf(id));
        Breach breach = locked(id);
        Breach.Details merged = new Breach.Details(or(change.nature(), breach.getNature()),
                or(change.categories(), breach.categoryList()), or(change.subjectsApprox(), breach.getSubjectsApprox()),
                or(change.recordsApprox(), breach.getRecordsApprox()), or(change.consequences(),
                        breach.getConsequences()), or(change.measures(), breach.getMeasures()));
        RuleCheck check = new RuleCheck();
        merged.check(check);
        check.throwIfAny();
        List<String> changed = new ArrayList<>();
        note(changed, "nature", breach.getNature(), merged.nature());
        note(changed, "categories", breach.categoryList(), merged.categories());
        note(changed, "subjectsApprox", breach.getSubjectsApprox(), merged.subjectsApprox());
        note(changed, "recordsApprox", breach.getRecordsApprox(), merged.recordsApprox());
        note(changed, "consequences", breach.getConsequences(), merged.consequences());
        note(changed, "measures", breach.getMeasures(), merged.measures());
        Instant now = now();
        if (!changed.isEmpty()) {
            breach.describe(merged, now);
            audit.record(caller, BreachActions.BREACH_CHANGE, BreachActions.BREACH, String.valueOf(id), changed,
                    AuditOutcome.SUCCESS);
        }
        return BreachViews.of(breach, true, now);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static void note(List<String> changed, String field, Object before, Object after) {
        boolean text = before instanceof String && after instanceof String;
        if (text ? !((String) before).trim().equals(((String) after).trim()) : !Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    @Override
    public BreachView notifyAuthority(Caller caller, long id, String notifiedAt, String reference,
            String delayReason) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, String.valueOf(id));
        Instant now = now();
        RuleCheck check = new RuleCheck();
        Instant at = Inputs.instant(notifiedAt, "notifiedAt", false, check);
        at = at == null ? now : at.truncatedTo(ChronoUnit.MICROS);
        check.require(!at.isAfter(now.plus(SKEW)), "notifiedAt", "must not be in the future");
        check.throwIfAny();
        Breach breach = open(id);
        breach.notifyAuthority(at, reference, delayReason, now);
        boolean late = breach.getDelayReason() != null || at.isAfter(breach.getDueAt());
        audit.record(caller, BreachActions.BREACH_AUTHORITY_NOTIFIED, BreachActions.BREACH, String.valueOf(id),
                List.of("notifiedAt=" + at, "due=" + breach.getDueAt(), "late=" + late), AuditOutcome.SUCCESS);
        return BreachViews.of(breach, true, now);
    }

    @Override
    public BreachView decideNotToNotify(Caller caller, long id, String reason) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, String.valueOf(id));
        Instant now = now();
        Breach breach = open(id);
        breach.decideNotToNotify(reason, now);
        audit.record(caller, BreachActions.BREACH_NOT_NOTIFIED, BreachActions.BREACH, String.valueOf(id),
                List.of("decidedAt=" + now, "due=" + breach.getDueAt()), AuditOutcome.SUCCESS);
        return BreachViews.of(breach, true, now);
    }

    @Override
    public BreachView decideSubjects(Caller caller, long id, Boolean notifySubjects, String reason) {
        policy.enforce(caller, Permission.BREACH_MANAGE, BreachActions.BREACH, String.valueOf(id));
        Instant now = now();
        Breach breach = locked(id);
        breach.decideSubjects(notifySubjects == null ? null : notifySubjects ? Breach.SubjectsDecision.NOTIFY
                : Breach.SubjectsDecision.NOT_NOTIFY, reason, caller.username(), now);
        audit.record(caller, BreachActions.BREACH_SUBJECTS_DECISION, BreachActions.BREACH, String.valueOf(id),
                List.of("decision=" + breach.getSubjectsDecision()), AuditOutcome.SUCCESS);
        return BreachViews.of(breach, true, now);
    }

    @Override
    public String draft(Caller caller, long id) {
        policy.enforce(caller, Permission.BREACH_READ, BreachActions.BREACH, String.valueOf(id));
        Breach breach = find(id);
        Instant now = now();
        audit.record(caller, BreachActions.BREACH_READ, BreachActions.BREACH, String.valueOf(id),
                List.of("draft"), AuditOutcome.SUCCESS);
        return drafts.render(BreachViews.of(breach, false, now), now);
    }

    private Breach find(long id) {
        return breaches.find(id).orElseThrow(() -> new ResourceNotFoundException("breach", id));
    }

    private Breach locked(long id) {
        return breaches.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("breach", id));
    }

    /** The breach, locked, if the authority question is still open; a decided one is a conflict. */
    private Breach open(long id) {
        Breach breach = locked(id);
        if (!breach.isOpen()) {
            throw new ConflictException("breach " + id + " is already decided (" + breach.getStatus()
                    + "): the notification of the authority is recorded once");
        }
        return breach;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
