package org.custodian.domain.model.audit;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds hash chains the way the chain head does, and tampers with stored events the way a DBA could. */
final class AuditTestChains {

    static final Instant START = Instant.parse("2026-02-01T08:00:00Z");

    private AuditTestChains() {
    }

    static AuditRecord record(int i) {
        return new AuditRecord("user" + i, "AGENT", "TICKET_UPDATE", "TICKET", String.valueOf(100 + i),
                "subject,status", AuditOutcome.SUCCESS, "req-" + i, "10.0.0." + i);
    }

    /** Events 1..size, each pointing at the hash of the one before (the first at the genesis hash). */
    static List<AuditEvent> chain(int size) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditEvent.GENESIS_HASH;
        for (int i = 1; i <= size; i++) {
            AuditEvent event = new AuditEvent(i, START.plusSeconds(i), record(i), previous);
            events.add(event);
            previous = event.getHash();
        }
        return events;
    }

    /** Overwrites a private field, as an UPDATE on the stored row would. */
    static void set(AuditEvent event, String field, Object value) {
        try {
            Field f = AuditEvent.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(event, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot set " + field, e);
        }
    }
}
