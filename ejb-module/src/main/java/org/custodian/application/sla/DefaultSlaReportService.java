package org.custodian.application.sla;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.sla.SlaReportRepository;
import org.custodian.domain.model.sla.SlaReportRepository.Grouping;
import org.custodian.domain.model.sla.SlaReportRepository.Row;
import org.custodian.domain.shared.RuleCheck;

/**
 * The SLA report: parameters checked (all problems in one 400), the regions the caller may see asked of the
 * policy, the numbers computed by the database, the reading audited (who looked at which period).
 */
@Stateless
public class DefaultSlaReportService implements SlaReportService {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(366);

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private SlaReportRepository reports;

    private final Clock clock = Clock.systemUTC();

    @Override
    public SlaReport report(Caller caller, String fromText, String toText, String groupBy) {
        return report(caller, fromText, toText, groupBy, java.time.ZoneOffset.UTC);
    }

    @Override
    public SlaReport report(Caller caller, String fromText, String toText, String groupBy, java.time.ZoneId zone) {
        policy.enforce(caller, Permission.SLA_REPORT, SlaActions.REPORT, "sla");
        RuleCheck check = new RuleCheck();
        Instant to = Inputs.instant(toText, "to", false, check);
        Instant from = Inputs.instant(fromText, "from", false, check);
        String group = groupBy == null || groupBy.isBlank() ? "team" : groupBy.trim().toLowerCase(Locale.ROOT);
        check.require(GROUPINGS.contains(group), "groupBy", "must be one of " + String.join(", ", GROUPINGS));
        check.throwIfAny();
        to = to != null ? to : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        from = from != null ? from : to.minus(DEFAULT_SPAN);
        check.require(from.isBefore(to), "to", "must be after from")
                .require(!to.isAfter(from.plus(MAX_SPAN)), "to", "must be at most 366 days after from")
                .throwIfAny();
        Set<Region> regions = visibleRegions(caller);
        List<Group> groups = reports.rows(from, to, Grouping.valueOf(group.toUpperCase(Locale.ROOT)), regions, zone)
                .stream().map(DefaultSlaReportService::group).toList();
        List<String> regionNames = regions == null ? null : regions.stream().map(Enum::name).sorted().toList();
        audit.record(caller, SlaActions.SLA_REPORT, SlaActions.REPORT, "sla", List.of("from=" + from, "to=" + to,
                "groupBy=" + group, "regions=" + (regionNames == null ? "all" : String.join(",", regionNames)),
                "zone=" + zone.getId()),
                AuditOutcome.SUCCESS);
        return new SlaReport(from, to, group, regionNames, groups);
    }

    /** Null: every region (roles not bound to one); otherwise the regions the policy lets the caller see. */
    private Set<Region> visibleRegions(Caller caller) {
        Set<Region> visible = EnumSet.noneOf(Region.class);
        for (Region region : Region.values()) {
            if (policy.allowsIn(caller, Permission.SLA_REPORT, region)) {
                visible.add(region);
            }
        }
        return visible.size() == Region.values().length && policy.allowsIn(caller, Permission.SLA_REPORT, null)
                ? null : visible;
    }

    static Group group(Row row) {
        return new Group(row.key(), row.tickets(), row.open(), share(row.firstResponseMet(),
                row.firstResponseMissed()), row.firstResponseMet(), row.firstResponseMissed(),
                share(row.resolutionMet(), row.resolutionMissed()), row.resolutionMet(), row.resolutionMissed(),
                row.breaches(), minutes(row.firstResponseP50()), minutes(row.firstResponseP90()),
                minutes(row.resolutionP50()), minutes(row.resolutionP90()));
    }

    /** % met of the decided clocks, one decimal; null when none was decided. */
    static Double share(long met, long missed) {
        long decided = met + missed;
        return decided == 0 ? null : Math.round(met * 1000.0 / decided) / 10.0;
    }

    static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }
}
