package org.custodian.application.sla;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.audit.AuditService;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.sla.BusinessCalendar;
import org.custodian.domain.model.sla.SlaPolicy;
import org.custodian.domain.model.sla.SlaRepository;
import org.custodian.domain.model.sla.WorkingWeek;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.shared.RuleCheck;

/**
 * Calendars and policies, versioned and audited the way retention policies are: a change replaces the whole rule,
 * bumps its version (If-Match optional), and its audit event goes in the same transaction.
 */
@Stateless
public class DefaultSlaService implements SlaService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private SlaRepository sla;

    @Inject
    private TeamRepository teams;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<CalendarView> calendars(Caller caller) {
        policy.enforce(caller, Permission.SLA_READ, SlaActions.SLA_CALENDAR, null);
        return sla.calendars().stream().map(DefaultSlaService::view).toList();
    }

    @Override
    public CalendarView createCalendar(Caller caller, CalendarInput input) {
        policy.enforce(caller, Permission.SLA_MANAGE, SlaActions.SLA_CALENDAR, null);
        RuleCheck check = new RuleCheck();
        Region region = Inputs.enumValue(Region.class, input.region(), "region", false, check);
        Map<DayOfWeek, int[]> week = WorkingWeek.parseWeek(input.hours(), check);
        Set<LocalDate> holidays = WorkingWeek.parseHolidays(input.holidays(), check);
        BusinessCalendar created = new BusinessCalendar(input.name(), region, input.timeZone(), week, holidays,
                input.reason(), caller.username(), clock.instant(), check);
        sla.store(created);
        audit.record(caller, SlaActions.SLA_CALENDAR_CHANGE, SlaActions.SLA_CALENDAR, String.valueOf(created.getId()),
                describe(created), AuditOutcome.SUCCESS);
        return view(created);
    }

    @Override
    public CalendarView reviseCalendar(Caller caller, long id, CalendarInput input, Long expectedVersion) {
        policy.enforce(caller, Permission.SLA_MANAGE, SlaActions.SLA_CALENDAR, String.valueOf(id));
        BusinessCalendar existing = sla.calendarForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("business calendar", id));
        StaleVersionException.check("business calendar " + id, expectedVersion, existing.getVersion());
        RuleCheck check = new RuleCheck();
        Region region = Inputs.enumValue(Region.class, input.region(), "region", false, check);
        Map<DayOfWeek, int[]> week = WorkingWeek.parseWeek(input.hours(), check);
        Set<LocalDate> holidays = WorkingWeek.parseHolidays(input.holidays(), check);
        // clocks already planned keep their due times; tickets opened from now on use the new calendar
        existing.revise(input.name(), region, input.timeZone(), week, holidays, input.reason(), caller.username(),
                clock.instant(), check);
        audit.record(caller, SlaActions.SLA_CALENDAR_CHANGE, SlaActions.SLA_CALENDAR, String.valueOf(id),
                describe(existing), AuditOutcome.SUCCESS);
        return view(existing);
    }

    @Override
    public List<PolicyView> policies(Caller caller) {
        policy.enforce(caller, Permission.SLA_READ, SlaActions.SLA_POLICY, null);
        return sla.policies(false).stream().map(DefaultSlaService::view).toList();
    }

    @Override
    public PolicyView createPolicy(Caller caller, PolicyInput input) {
        policy.enforce(caller, Permission.SLA_MANAGE, SlaActions.SLA_POLICY, null);
        RuleCheck check = new RuleCheck();
        SlaPolicy.Rule rule = rule(input, check);
        SlaPolicy created = new SlaPolicy(rule, caller.username(), clock.instant(), check);
        sla.store(created);
        audit.record(caller, SlaActions.SLA_POLICY_CHANGE, SlaActions.SLA_POLICY, String.valueOf(created.getId()),
                describe(created), AuditOutcome.SUCCESS);
        return view(created);
    }

    @Override
    public PolicyView revisePolicy(Caller caller, long id, PolicyInput input, Long expectedVersion) {
        policy.enforce(caller, Permission.SLA_MANAGE, SlaActions.SLA_POLICY, String.valueOf(id));
        SlaPolicy existing = sla.policyForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("SLA policy", id));
        StaleVersionException.check("SLA policy " + id, expectedVersion, existing.getVersion());
        RuleCheck check = new RuleCheck();
        existing.revise(rule(input, check), caller.username(), clock.instant(), check);
        audit.record(caller, SlaActions.SLA_POLICY_CHANGE, SlaActions.SLA_POLICY, String.valueOf(id),
                describe(existing), AuditOutcome.SUCCESS);
        return view(existing);
    }

    private SlaPolicy.Rule rule(PolicyInput input, RuleCheck check) {
        Set<TicketPriority> priorities = EnumSet.noneOf(TicketPriority.class);
        for (String name : input.priorities() == null ? List.<String>of() : input.priorities()) {
            TicketPriority priority = Inputs.enumValue(TicketPriority.class, name, "priorities", true, check);
            if (priority != null) {
                priorities.add(priority);
            }
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (String name : input.regions() == null ? List.<String>of() : input.regions()) {
            Region region = Inputs.enumValue(Region.class, name, "regions", true, check);
            if (region != null) {
                regions.add(region);
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String name : input.categories() == null ? List.<String>of() : input.categories()) {
            categories.add(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        }
        check.require(input.calendarId() == null || sla.calendar(input.calendarId()).isPresent(), "calendarId",
                "no business calendar " + input.calendarId() + " (GET /api/v1/sla/calendars lists them)");
        String escalate = Inputs.blankToNull(input.escalateToTeam());
        Optional<Region> teamRegion = escalate == null ? Optional.empty()
                : teams.findByKey(escalate).map(team -> team.getRegion());
        check.require(escalate == null || teamRegion.isPresent(), "escalateToTeam",
                "no team " + escalate + " (GET /api/v1/teams lists them)");
        // a team works the tickets of its own region: a policy naming other regions could route tickets to a team
        // that may not see them (a policy for every region is checked per ticket when it escalates, SlaEscalation)
        Set<Region> outside = EnumSet.noneOf(Region.class);
        outside.addAll(regions);
        teamRegion.ifPresent(outside::remove);
        check.require(teamRegion.isEmpty() || regions.isEmpty() || outside.isEmpty(), "escalateToTeam",
                "team " + escalate + " works the tickets of region " + teamRegion.orElse(null) + ", but the policy"
                        + " also covers " + outside + "; name a team of those regions in a policy of their own");
        return new SlaPolicy.Rule(input.name(), input.position(), priorities, categories, regions, input.calendarId(),
                input.firstResponseMinutes(), input.nextResponseMinutes(), input.resolutionMinutes(),
                input.active() == null || input.active(), input.reason(), escalate);
    }

    private static List<String> describe(BusinessCalendar calendar) {
        return List.of("version=" + calendar.getVersion(), "timeZone=" + calendar.getTimeZone(),
                "hours=" + calendar.getWorkingHours());
    }

    private static List<String> describe(SlaPolicy p) {
        return List.of("version=" + p.getVersion(), "position=" + p.getPosition(), "calendar=" + p.getCalendarId(),
                "firstResponseMinutes=" + p.getFirstResponseMinutes(), "nextResponseMinutes="
                        + p.getNextResponseMinutes(), "resolutionMinutes=" + p.getResolutionMinutes(),
                "active=" + p.isActive(), "escalateToTeam=" + p.getEscalateToTeam());
    }

    static CalendarView view(BusinessCalendar c) {
        return new CalendarView(c.getId(), c.getName(), c.getRegion() == null ? null : c.getRegion().name(),
                c.getTimeZone(), WorkingWeek.weekView(c.getWorkingHours()), new ArrayList<>(WorkingWeek.holidays(
                        c.getHolidays()).stream().map(LocalDate::toString).toList()), c.getVersion(), c.getReason(),
                c.getChangedBy(), c.getChangedAt());
    }

    static PolicyView view(SlaPolicy p) {
        return new PolicyView(p.getId(), p.getName(), p.getPosition(), p.getPriorities().stream().map(Enum::name)
                .toList(), List.copyOf(p.getCategories()), p.getRegions().stream().map(Enum::name).toList(),
                p.getCalendarId(), p.getFirstResponseMinutes(), p.getNextResponseMinutes(), p.getResolutionMinutes(),
                p.isActive(), p.getVersion(), p.getReason(), p.getChangedBy(), p.getChangedAt(),
                p.getEscalateToTeam());
    }
}
