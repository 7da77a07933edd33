package org.custodian.interfaces.rest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.custodian.application.sla.SlaReportService.Group;
import org.custodian.application.sla.SlaReportService.SlaReport;
import org.junit.jupiter.api.Test;

/** The SLA report's CSV: RFC 4180 rows, empty cells for "nothing decided", group names never run as formulas. */
class SlaReportCsvTest {

    @Test
    void rowsAreQuotedEmptyWhereUndecidedAndFormulasNeutralised() {
        SlaReport report = new SlaReport(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                "team", null, List.of(
                        new Group("=HYPERLINK(\"http://x\",\"y\")", 4, 1, 75.0, 3, 1, null, 0, 0, 1, 12.5, 30.0,
                                null, null),
                        new Group("support, EU", 1, 0, 100.0, 1, 0, 100.0, 1, 0, 0, 1.0, 1.0, 60.0, 60.0)));
        String[] lines = SlaReportCsv.of(report).split("\r\n", -1);
        assertEquals("team," + SlaReportCsv.HEADER, lines[0]);
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",4,1,75.0,3,1,,0,0,1,12.5,30.0,,", lines[1]);
        assertEquals("\"support, EU\",1,0,100.0,1,0,100.0,1,0,0,1.0,1.0,60.0,60.0", lines[2]);
        assertEquals("", lines[3], "CRLF after the last row");
        assertEquals("sla-report-team-2026-11-01-2026-12-01.csv", SlaReportCsv.fileName(report));
    }
}
