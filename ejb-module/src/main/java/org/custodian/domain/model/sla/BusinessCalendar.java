package org.custodian.domain.model.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.VersionedRule;
import org.custodian.domain.shared.RuleCheck;

/**
 * A region's working time: time zone, one working interval per weekday, holidays. Versioned like a retention
 * policy: every change bumps the version and says why.
 */
@Entity
@Table(name = "sla_calendar")
@NamedQuery(name = "BusinessCalendar.findAll", query = "SELECT c FROM BusinessCalendar c ORDER BY c.id")
public class BusinessCalendar extends VersionedRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_calendar_seq")
    @SequenceGenerator(name = "sla_calendar_seq", sequenceName = "sla_calendar_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /** The region whose calendar this is (informative: a policy names its calendar); null for any. */
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Region region;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    /** {@code MONDAY=09:00-17:00;...} ({@link WorkingWeek}). */
    @Column(name = "working_hours", nullable = false, length = 400)
    private String workingHours;

    /** {@code 2026-12-25,...}, sorted. */
    @Column(nullable = false, length = 5000)
    private String holidays;

    protected BusinessCalendar() {
        // for JPA
    }

    public BusinessCalendar(String name, Region region, String timeZone, Map<DayOfWeek, int[]> week,
            Set<LocalDate> holidays, String reason, String actor, Instant now, RuleCheck check) {
        revise(name, region, timeZone, week, holidays, reason, actor, now, check);
    }

    /** Replaces the calendar as a whole (a new version); {@code check} holds the input's earlier violations. */
    public void revise(String name, Region region, String timeZone, Map<DayOfWeek, int[]> week,
            Set<LocalDate> holidays, String reason, String actor, Instant now, RuleCheck check) {
        check.requireText(name, "name", 100).requireText(reason, "reason", 10, 1000)
                .require(week != null && !week.isEmpty(), "hours", "name at least one working day");
        ZoneId zone = null;
        try {
            zone = timeZone == null ? null : ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            // reported below
        }
        check.require(zone != null, "timeZone", "must be an IANA time zone such as Europe/Berlin");
        String holidayText = holidays == null ? "" : WorkingWeek.holidaysColumn(new java.util.TreeSet<>(holidays));
        check.require(holidayText.length() <= 5000, "holidays", "are too many");
        check.throwIfAny();
        this.name = name.trim();
        this.region = region;
        this.timeZone = zone.getId();
        this.workingHours = WorkingWeek.weekColumn(week);
        this.holidays = holidayText;
        nextVersion(reason, actor, now);
    }

    /** The arithmetic of this calendar. */
    public BusinessHours hours() {
        return new BusinessHours(ZoneId.of(timeZone), WorkingWeek.week(workingHours),
                WorkingWeek.holidays(holidays));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Region getRegion() {
        return region;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getWorkingHours() {
        return workingHours;
    }

    public String getHolidays() {
        return holidays;
    }
}
