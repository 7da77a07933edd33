package org.custodian.application.sla;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.application.shared.Caller;

/** Business calendars and SLA policies (#25): read with SLA_READ, changed with SLA_MANAGE, every change audited. */
@Local
public interface SlaService {

    List<CalendarView> calendars(Caller caller);

    CalendarView createCalendar(Caller caller, CalendarInput input);

    /** Replaces a calendar (a new version); {@code expectedVersion} from If-Match, null: unconditional. */
    CalendarView reviseCalendar(Caller caller, long id, CalendarInput input, Long expectedVersion);

    /** In the order they are tried: position, then age. */
    List<PolicyView> policies(Caller caller);

    PolicyView createPolicy(Caller caller, PolicyInput input);

    PolicyView revisePolicy(Caller caller, long id, PolicyInput input, Long expectedVersion);

    /** {@code hours}: weekday name to "09:00-17:00"; {@code holidays}: ISO dates. */
    record CalendarInput(String name, String region, String timeZone, Map<String, String> hours,
            List<String> holidays, String reason) {
    }

    record CalendarView(long id, String name, String region, String timeZone, Map<String, String> hours,
            List<String> holidays, long version, String reason, String changedBy, Instant changedAt) {
    }

    /** {@code escalateToTeam}: the key of the team a breached ticket is routed to (null: none). */
    record PolicyInput(String name, Integer position, List<String> priorities, List<String> categories,
            List<String> regions, Long calendarId, Integer firstResponseMinutes, Integer nextResponseMinutes,
            Integer resolutionMinutes, Boolean active, String reason, String escalateToTeam) {
    }

    record PolicyView(long id, String name, int position, List<String> priorities, List<String> categories,
            List<String> regions, long calendarId, int firstResponseMinutes, Integer nextResponseMinutes,
            int resolutionMinutes, boolean active, long version, String reason, String changedBy,
            Instant changedAt, String escalateToTeam) {
    }
}
