package org.custodian.application.audit.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime at(int day, int hour, int minute) {
        // 2026-11-23 is a Monday
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, BERLIN);
    }

    @Test
    void parsesTheDefault() {
        BusinessHours hours = BusinessHours.fromConfig(BusinessHours.DEFAULT);
        assertEquals(LocalTime.of(7, 0), hours.open());
        assertEquals(LocalTime.of(20, 0), hours.close());
        assertEquals("07:00-20:00", hours.toString());
        assertEquals(LocalTime.of(8, 30), BusinessHours.fromConfig(" 08:30 - 17:00 ").open());
    }

    @Test
    void openingIsInsideAndClosingIsOutsideWeekendsAlwaysOutside() {
        BusinessHours hours = BusinessHours.fromConfig("07:00-20:00");
        assertTrue(hours.excludes(at(23, 6, 59)));
        assertFalse(hours.excludes(at(23, 7, 0)));
        assertFalse(hours.excludes(at(23, 19, 59)));
        assertTrue(hours.excludes(at(23, 20, 0)));
        assertTrue(hours.excludes(at(28, 12, 0)));
        assertTrue(hours.excludes(at(29, 12, 0)));
    }

    @Test
    void invalidValuesNameTheKey() {
        for (String bad : new String[] {"", "07:00", "7-20", "07:00-20:00-21:00", "20:00-07:00", "07:00-07:00",
                "25:00-26:00", null}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BusinessHours.fromConfig(bad),
                    () -> "accepted " + bad);
            assertTrue(e.getMessage().startsWith("custodian.alerts.business-hours"), e.getMessage());
        }
    }
}
