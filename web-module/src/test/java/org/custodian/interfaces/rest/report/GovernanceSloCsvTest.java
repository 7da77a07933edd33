package org.custodian.interfaces.rest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.custodian.application.slo.Objective;
import org.junit.jupiter.api.Test;

/** The objectives' CSV goes through the access reports' cell(): quoted as RFC 4180 says, formulas neutralised. */
class GovernanceSloCsvTest {

    @Test
    void textCellsAreQuotedAndNeutralisedAndNumbersWritten() {
        Objective o = new Objective("backup.rpo", "backup", 30.5, 26, "hours", "AT_MOST", "MISSED", false,
                Instant.parse("2026-12-07T12:00:00Z"), "=HYPERLINK(\"http://x\")", "@sum, \"quoted\"");
        String[] lines = GovernanceSloResource.csvText(List.of(o)).split("\r\n");
        assertEquals("id,remit,value,target,unit,comparison,status,measuredAt,basis,detail", lines[0]);
        assertEquals("backup.rpo,backup,30.5,26.0,hours,AT_MOST,MISSED,2026-12-07T12:00:00Z,"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",\"'@sum, \"\"quoted\"\"\"", lines[1]);
    }

    @Test
    void nothingMeasuredIsAnEmptyCell() {
        Objective o = new Objective("audit.siem-lag", "audit", null, 15, "minutes", "AT_MOST", "NO_DATA", true,
                Instant.parse("2026-12-07T12:00:00Z"), "siem_delivery", "no SIEM sink");
        assertEquals("audit.siem-lag,audit,,15.0,minutes,AT_MOST,NO_DATA,2026-12-07T12:00:00Z,siem_delivery,"
                + "no SIEM sink", GovernanceSloResource.csvText(List.of(o)).split("\r\n")[1]);
    }
}
