package org.custodian.infrastructure.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.junit.jupiter.api.Test;

class AuditLinkProcessorTest {

    private final AuditLinkProcessor processor = new AuditLinkProcessor();

    private static List<AuditEvent> chain(int size) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditEvent.GENESIS_HASH;
        for (int i = 1; i <= size; i++) {
            AuditRecord record = new AuditRecord("user" + i, "AGENT", "TICKET_READ", "TICKET", String.valueOf(i),
                    null, AuditOutcome.SUCCESS, "req-" + i, "10.0.0.1");
            AuditEvent event = new AuditEvent(i, Instant.parse("2026-02-01T08:00:00Z").plusSeconds(i), record,
                    previous);
            events.add(event);
            previous = event.getHash();
        }
        return events;
    }

    /** The links the reader would hand out for an untouched chain. */
    private static List<AuditLink> links(List<AuditEvent> events) {
        List<AuditLink> links = new ArrayList<>();
        long expected = 1;
        String previous = AuditEvent.GENESIS_HASH;
        for (AuditEvent event : events) {
            links.add(new AuditLink(event, expected, previous));
            expected = event.getSequence() + 1;
            previous = event.getHash();
        }
        return links;
    }

    private static void tamper(AuditEvent event, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditEvent.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(event, value);
    }

    @Test
    void intactLinksAreFilteredOut() {
        for (AuditLink link : links(chain(5))) {
            assertNull(processor.processItem(link), "link " + link.expectedSequence());
        }
    }

    @Test
    void tamperedEventBecomesABrokenLinkAtItsSequence() throws Exception {
        List<AuditEvent> events = chain(5);
        List<AuditLink> links = links(events);
        tamper(events.get(2), "actor", "mallory");
        assertNull(processor.processItem(links.get(1)));
        assertEquals(new BrokenLink(3), processor.processItem(links.get(2)));
    }

    @Test
    void rehashedEventIsReportedByTheNextLink() throws Exception {
        List<AuditEvent> events = chain(5);
        List<AuditLink> links = links(events);  // captured before tampering: the successor keeps the old hash
        AuditEvent forged = events.get(1);
        tamper(forged, "actor", "mallory");
        tamper(forged, "hash", forged.computeHash());
        assertNull(processor.processItem(links.get(1)));
        assertEquals(new BrokenLink(3), processor.processItem(new AuditLink(events.get(2), 3, forged.getHash())));
    }

    @Test
    void gapIsReportedAtTheMissingSequence() {
        // Event 3 deleted: the reader pairs event 4 with the expectation for 3.
        List<AuditEvent> events = chain(5);
        AuditLink afterGap = new AuditLink(events.get(3), 3, events.get(1).getHash());
        assertEquals(new BrokenLink(3), processor.processItem(afterGap));
    }

    @Test
    void wrongPreviousHashIsReportedAtTheEvent() {
        List<AuditEvent> events = chain(5);
        assertEquals(new BrokenLink(4), processor.processItem(new AuditLink(events.get(3), 4, "f".repeat(64))));
    }

    @Test
    void missingTailBecomesABrokenLinkAtTheExpectedSequence() {
        assertEquals(new BrokenLink(6), processor.processItem(AuditLink.missingTail(6)));
    }
}
