package org.custodian.interfaces.web.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.sla.SlaService.CalendarView;
import org.junit.jupiter.api.Test;

/** Whose days the SLA dashboard counts: the profile's zone, else the region's calendar's, else UTC. */
class ViewerZoneTest {

    private static CalendarView calendar(long id, String name, String region, String zone) {
        return new CalendarView(id, name, region, zone, Map.of(), List.of(), 1, "r", "supervisor", null);
    }

    private static final List<CalendarView> CALENDARS = List.of(calendar(7, "US office", "US", "America/Chicago"),
            calendar(3, "EU office", "EU", "Europe/Berlin"), calendar(9, "EU night", "EU", "Asia/Tokyo"));

    @Test
    void theProfilesZoneComesFirst() {
        ViewerZone zone = ViewerZone.of("Europe/Lisbon", Set.of("EU"), CALENDARS);
        assertEquals(new ViewerZone(ZoneId.of("Europe/Lisbon"), ViewerZone.Source.PROFILE, null), zone);
    }

    @Test
    void withoutOneTheOldestCalendarOfTheFirstRegionCounts() {
        assertEquals(new ViewerZone(ZoneId.of("Europe/Berlin"), ViewerZone.Source.CALENDAR, "EU office"),
                ViewerZone.of(" ", Set.of("US", "EU"), CALENDARS));
        assertEquals(new ViewerZone(ZoneId.of("America/Chicago"), ViewerZone.Source.CALENDAR, "US office"),
                ViewerZone.of("Not/AZone", Set.of("US"), CALENDARS), "a zone that does not parse is none");
    }

    @Test
    void withNeitherTheDaysAreUtc() {
        assertEquals(new ViewerZone(ZoneOffset.UTC, ViewerZone.Source.UTC, null),
                ViewerZone.of(null, Set.of("APAC"), CALENDARS));
        assertEquals(ViewerZone.Source.UTC, ViewerZone.of(null, Set.of(), List.of()).source());
    }
}
