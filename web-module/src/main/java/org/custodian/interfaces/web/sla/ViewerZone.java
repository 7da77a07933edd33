package org.custodian.interfaces.web.sla;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.sla.SlaService.CalendarView;

/**
 * The time zone whose days the SLA dashboard counts (#25): the viewer's own (their profile's time zone) if they set
 * one, else the zone of the business calendar of their region (the first region by name, its oldest calendar), else
 * UTC; {@code source} says which, for the page to name it.
 */
public record ViewerZone(ZoneId zone, Source source, String calendar) implements Serializable {

    /** Where the zone came from. */
    public enum Source { PROFILE, CALENDAR, UTC }

    static ViewerZone of(String profileZone, Set<String> regions, List<CalendarView> calendars) {
        Optional<ZoneId> own = parse(profileZone);
        if (own.isPresent()) {
            return new ViewerZone(own.get(), Source.PROFILE, null);
        }
        for (String region : regions.stream().sorted().toList()) {
            Optional<CalendarView> calendar = calendars.stream().filter(c -> region.equals(c.region()))
                    .min(Comparator.comparingLong(CalendarView::id));
            Optional<ZoneId> zone = calendar.flatMap(c -> parse(c.timeZone()));
            if (zone.isPresent()) {
                return new ViewerZone(zone.get(), Source.CALENDAR, calendar.get().name());
            }
        }
        return new ViewerZone(ZoneOffset.UTC, Source.UTC, null);
    }

    private static Optional<ZoneId> parse(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
