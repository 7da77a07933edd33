package org.custodian.application.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    @Test
    void windowsStartAtMultiplesOfTheirLength() {
        assertEquals(new RateWindow(1_800_000_000L, 60), RateWindow.at(1_800_000_000_000L, 60));
        assertEquals(new RateWindow(1_800_000_000L, 60), RateWindow.at(1_800_000_059_999L, 60));
        assertEquals(new RateWindow(1_800_000_060L, 60), RateWindow.at(1_800_000_060_000L, 60));
        assertEquals(new RateWindow(1_799_999_990L, 10), RateWindow.at(1_799_999_999_999L, 10));
    }

    @Test
    void resetIsTheWholeSecondsLeftAndNeverZero() {
        RateWindow window = RateWindow.at(1_800_000_000_000L, 60);
        assertEquals(60, window.resetSeconds(1_800_000_000_000L));
        assertEquals(60, window.resetSeconds(1_800_000_000_001L)); // 59.999 s rounds up
        assertEquals(18, window.resetSeconds(1_800_000_042_000L));
        assertEquals(1, window.resetSeconds(1_800_000_059_999L));
        assertEquals(1, window.resetSeconds(1_800_000_060_500L)); // a late clock still says "soon"
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertEquals(120, RateWindow.remaining(120, 0));
        assertEquals(0, RateWindow.remaining(120, 120));
        assertEquals(0, RateWindow.remaining(120, 500));
    }

    @Test
    void aWindowLastsAtLeastOneSecond() {
        assertThrows(IllegalArgumentException.class, () -> new RateWindow(0, 0));
    }
}
