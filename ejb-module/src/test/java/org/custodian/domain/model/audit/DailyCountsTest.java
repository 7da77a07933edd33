package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyCountsTest {

    @Test
    void eventsAreCountedPerUtcDayAndKindWithTheirSequenceRange() {
        DailyCounts counts = new DailyCounts();
        AuditRecord read = new AuditRecord("a", "AGENT", "TICKET_READ", "TICKET", "1", null, AuditOutcome.SUCCESS,
                null, null);
        AuditRecord login = new AuditRecord("a", null, "LOGIN", null, null, null, AuditOutcome.FAILURE, null, null);
        counts.add(new AuditEvent(1, Instant.parse("2026-11-22T23:59:59Z"), read, AuditEvent.GENESIS_HASH));
        counts.add(new AuditEvent(2, Instant.parse("2026-11-23T00:00:00Z"), read, AuditEvent.GENESIS_HASH));
        counts.add(new AuditEvent(3, Instant.parse("2026-11-23T10:00:00Z"), login, AuditEvent.GENESIS_HASH));
        counts.add(new AuditEvent(4, Instant.parse("2026-11-23T23:00:00Z"), read, AuditEvent.GENESIS_HASH));
        assertEquals(List.of(
                new AuditDailyCount(LocalDate.of(2026, 11, 22), "TICKET_READ", "SUCCESS", "TICKET", "AGENT", 1, 1, 1),
                new AuditDailyCount(LocalDate.of(2026, 11, 23), "TICKET_READ", "SUCCESS", "TICKET", "AGENT", 2, 2, 4),
                new AuditDailyCount(LocalDate.of(2026, 11, 23), "LOGIN", "FAILURE", "", "", 1, 3, 3)),
                counts.all());
    }
}
