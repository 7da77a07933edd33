package org.custodian.interfaces.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.application.privacy.PrivacyDeadlines;
import org.custodian.application.privacy.PrivacyDeadlines.Plan;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;
import org.junit.jupiter.api.Test;

/** The deadline page's CSV files (#25): the chart's numbers, and the requests with formula cells neutralised. */
class PrivacyDeadlinesCsvTest {

    private static final Instant NOW = Instant.parse("2026-12-09T12:00:00Z");

    @Test
    void aCellThatASpreadsheetWouldRunIsNeutralisedAndQuoted() {
        Instant due = NOW.minus(Duration.ofDays(2));
        RequestView request = new RequestView(5, "ERASURE", "IN_PROGRESS", Set.of(1L), due.minus(Duration.ofDays(30)),
                due, true, "complex", null, null, null, "=HYPERLINK(\"x\",\"y\")", null, null, "privacy", NOW, 0,
                List.of());
        Plan plan = PrivacyDeadlines.plan(List.of(request), NOW, 1);
        assertEquals("id,type,status,receivedAt,dueAt,daysLeft,overdue,extended,assignee\r\n"
                + "5,ERASURE,IN_PROGRESS,2026-11-07T12:00:00Z,2026-12-07T12:00:00Z,-2,true,true,"
                + "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n", PrivacyDeadlinesBean.requestsCsv(plan));
        assertEquals("week,due,overdue\r\n2026-12-07,1,1\r\n", PrivacyDeadlinesBean.weeksCsv(plan));
    }
}
