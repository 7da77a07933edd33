package org.custodian.application.privacy.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.audit.report.AccessReportService.ActorReads;
import org.custodian.domain.model.privacy.BreachSubject;
import org.junit.jupiter.api.Test;

/** From the records an actor read to the subjects a breach concerns. */
class BreachScopesTest {

    @Test
    void ticketsCountForTheirCustomersAndCustomerRecordsForThemselves() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        // tickets 1 and 2 are customer 10's, 3 is customer 20's, 4 no longer exists; customer 30 read directly,
        // customer 10's record read as well
        ActorReads reads = new ActorReads("agent.eu", t, t.plusSeconds(60), 7, Set.of(1L, 2L, 3L, 4L),
                Set.of(10L, 30L), false);
        BreachScopes.Computed computed = BreachScopes.compute(reads, Map.of(1L, 10L, 2L, 10L, 3L, 20L),
                Map.of(10L, "EU", 20L, "US", 30L, "EU"));
        assertEquals(6, computed.records(), "four tickets and two customer records");
        assertEquals(List.of("10/EU/3", "20/US/1", "30/EU/1"), computed.subjects().stream()
                .map(BreachScopesTest::text).toList());
    }

    @Test
    void nothingReadNamesNobody() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        BreachScopes.Computed computed = BreachScopes.compute(new ActorReads("x", t, t, 0, Set.of(), Set.of(),
                false), Map.of(), Map.of());
        assertEquals(0, computed.records());
        assertEquals(List.of(), computed.subjects());
    }

    private static String text(BreachSubject subject) {
        return subject.getCustomerId() + "/" + subject.getRegion() + "/" + subject.getRecords();
    }
}
