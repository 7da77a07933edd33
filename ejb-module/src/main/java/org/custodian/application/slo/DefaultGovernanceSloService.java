package org.custodian.application.slo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditService;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.policy.Permission;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Measures through {@link GovernanceFacts} and {@link Objectives}; evaluates through {@link SloIncidents}. */
@Stateless
public class DefaultGovernanceSloService implements GovernanceSloService {

    private static final Logger LOG = Logger.getLogger(DefaultGovernanceSloService.class.getName());
    /** The anomaly detector keeps its position in siem_delivery too; it is no SIEM. */
    static final String ANOMALY_CURSOR = "anomaly-detector";
    static final int HISTORY_LIMIT = 5000;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private SloIncidents incidents;

    @Inject
    private GovernanceFacts facts;

    @Inject
    private SloEvaluations evaluations;

    @Inject
    private BackupConfiguration backups;

    private final Clock clock = Clock.systemUTC();
    private SloTargets targets;

    @PostConstruct
    void readTargets() {
        targets = SloTargets.read(ConfigProvider.getConfig());
    }

    @Override
    public List<SloRemit> remits(Caller caller) {
        List<SloRemit> allowed = new ArrayList<>();
        for (SloRemit remit : SloRemit.values()) {
            if (policy.allows(caller, remit.permission())) {
                allowed.add(remit);
            }
        }
        return allowed;
    }

    @Override
    public Report report(Caller caller, String remit) {
        Set<SloRemit> shown = shown(caller, remit);
        Instant now = clock.instant();
        List<Objective> objectives = measure(shown, now);
        List<String> names = shown.stream().map(SloRemit::wireName).toList();
        audit.record(caller, SloAuditActions.SLO_REPORT, SloAuditActions.SLO, remit == null ? null : remit.trim(),
                List.of("remits=" + String.join("+", names), "objectives=" + objectives.size()), AuditOutcome.SUCCESS);
        return new Report(now, names, objectives);
    }

    /** The remit asked for (enforced), or all the caller's (at least one, else refused and audited). */
    private Set<SloRemit> shown(Caller caller, String remit) {
        if (remit != null && !remit.isBlank()) {
            SloRemit wanted = SloRemit.parse(remit).orElseThrow(() -> new DomainRuleViolationException("remit",
                    "must be one of privacy, backup, audit, security, access-review"));
            policy.enforce(caller, wanted.permission(), SloAuditActions.SLO, wanted.wireName());
            return EnumSet.of(wanted);
        }
        List<SloRemit> allowed = remits(caller);
        if (allowed.isEmpty()) {
            // refused (403) and audited as the policy refuses everything
            policy.enforce(caller, Permission.SLO_PRIVACY_READ, SloAuditActions.SLO, null);
        }
        return allowed.isEmpty() ? EnumSet.noneOf(SloRemit.class) : EnumSet.copyOf(allowed);
    }

    /** Measures the objectives of these remits now. */
    List<Objective> measure(Set<SloRemit> remits, Instant now) {
        SloTargets t = targets;
        Instant since = now.minus(t.window());
        List<Objective> out = new ArrayList<>();
        if (remits.contains(SloRemit.PRIVACY)) {
            out.addAll(Objectives.privacy(facts.subjectRequests(since), t, now));
        }
        if (remits.contains(SloRemit.BACKUP)) {
            out.addAll(Objectives.backups(facts.backups(backups.target(null).name(), since), t, now));
        }
        if (remits.contains(SloRemit.AUDIT)) {
            out.addAll(Objectives.audit(facts.audit(ANOMALY_CURSOR), t, now));
        }
        if (remits.contains(SloRemit.SECURITY)) {
            out.addAll(Objectives.security(facts.securityTickets(since),
                    facts.alertsOpenSince(now.minus(t.alertOpen())), t, now));
        }
        if (remits.contains(SloRemit.ACCESS_REVIEW)) {
            out.addAll(Objectives.reviews(facts.reviews(since, now), t, now));
        }
        return out;
    }

    @Override
    public List<SloEvaluations.Evaluation> history(Caller caller, String objective, String from, String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new DomainRuleViolationException("from", "must be before to");
        }
        Set<SloRemit> shown;
        List<String> ids;
        if (objective != null && !objective.isBlank()) {
            SloRemit remit = remitOf(objective.trim());
            policy.enforce(caller, remit.permission(), SloAuditActions.SLO, objective.trim());
            shown = EnumSet.of(remit);
            ids = List.of(objective.trim());
        } else {
            shown = shown(caller, null);
            ids = measureIds(shown);
        }
        List<SloEvaluations.Evaluation> rows = evaluations.between(ids, start, end, HISTORY_LIMIT);
        audit.record(caller, SloAuditActions.SLO_REPORT, SloAuditActions.SLO, objective, List.of("history",
                "from=" + start, "to=" + end, "rows=" + rows.size()), AuditOutcome.SUCCESS);
        return rows;
    }

    /** The remit of a known objective id (its prefix); 422 for an unknown one. */
    static SloRemit remitOf(String objective) {
        int dot = objective.indexOf('.');
        SloRemit remit = dot < 0 ? null : SloRemit.parse(objective.substring(0, dot)).orElse(null);
        if (remit == null || !ObjectiveIds.ALL.contains(objective)) {
            throw new DomainRuleViolationException("objective", "is not a known objective; known: "
                    + String.join(", ", ObjectiveIds.ALL));
        }
        return remit;
    }

    private static List<String> measureIds(Set<SloRemit> remits) {
        return ObjectiveIds.ALL.stream().filter(id -> remits.contains(remitOf(id))).toList();
    }

    private static Instant instant(String field, String text) {
        String value = text.trim();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolationException(field, "must be an ISO-8601 instant (2026-12-01T00:00:00Z) or a"
                    + " date (2026-12-01)");
        }
    }

    @Override
    public Evaluation evaluate(Caller caller) {
        policy.enforce(caller, Permission.SLO_EVALUATE, SloAuditActions.SLO, null);
        Evaluation all = run(caller);
        List<SloRemit> remits = remits(caller);
        Set<String> visible = Set.copyOf(measureIds(remits.isEmpty() ? EnumSet.noneOf(SloRemit.class)
                : EnumSet.copyOf(remits)));
        return new Evaluation(all.evaluatedAt(), all.missed(), all.incidentsOpened(),
                all.objectives().stream().filter(each -> visible.contains(each.objective())).toList());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Evaluation evaluateAll() {
        return run(Caller.system("governance-slo", null));
    }

    /** Each objective in a transaction of its own (SloIncidents); one that fails is evaluated again next time. */
    private Evaluation run(Caller caller) {
        Instant now = clock.instant();
        List<Objective> objectives = measure(EnumSet.allOf(SloRemit.class), now);
        List<Evaluated> results = new ArrayList<>();
        int missed = 0;
        int opened = 0;
        for (Objective objective : objectives) {
            try {
                SloIncidents.Outcome outcome = incidents.evaluate(objective, now);
                results.add(new Evaluated(objective.id(), objective.status(), outcome.ticketId(), outcome.opened()));
                missed += objective.missed() ? 1 : 0;
                opened += outcome.opened() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Evaluating " + objective.id() + " failed: " + e.getMessage(), e);
            }
        }
        audit.record(caller, SloAuditActions.SLO_EVALUATE, SloAuditActions.SLO, null, List.of("objectives="
                + objectives.size(), "missed=" + missed, "incidentsOpened=" + opened), AuditOutcome.SUCCESS);
        return new Evaluation(now, missed, opened, results);
    }
}
