package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

    /** The head row as the migration seeds it: sequence 0, genesis hash (loaded by JPA in production). */
    private static AuditChainHead seededHead() throws ReflectiveOperationException {
        Constructor<AuditChainHead> constructor = AuditChainHead.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        AuditChainHead head = constructor.newInstance();
        setField(head, "id", AuditChainHead.SINGLETON_ID);
        setField(head, "lastSequence", 0L);
        setField(head, "lastHash", AuditEvent.GENESIS_HASH);
        return head;
    }

    private static void setField(AuditChainHead head, String name, Object value) throws ReflectiveOperationException {
        Field field = AuditChainHead.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(head, value);
    }

    @Test
    void appendLinksEachEventToThePreviousAndMovesTheHead() throws Exception {
        AuditChainHead head = seededHead();
        List<AuditEvent> appended = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            AuditEvent event = head.append(AuditTestChains.record(i), Instant.parse("2026-02-01T08:00:00Z").plusSeconds(i));
            assertEquals(i, event.getSequence());
            assertEquals(i == 1 ? AuditEvent.GENESIS_HASH : appended.get(i - 2).getHash(), event.getPreviousHash());
            assertEquals(event.getSequence(), head.getLastSequence());
            assertEquals(event.getHash(), head.getLastHash());
            appended.add(event);
        }
        // Same chain as building the events by hand, and it verifies against the head.
        assertEquals(AuditTestChains.chain(5).get(4).getHash(), head.getLastHash());
        AuditChainVerifier verifier = new AuditChainVerifier();
        appended.forEach(verifier::accept);
        verifier.finish(head.getLastSequence(), head.getLastHash());
        assertTrue(verifier.isIntact());
        assertEquals(5, verifier.verifiedCount());
    }

    @Test
    void appendingSeveralAtOnceGivesTheSameChainAndTreeAsOneByOne() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        AuditChainHead oneByOne = seededHead();
        AuditChainHead together = seededHead();
        oneByOne.append(AuditTestChains.record(1), now);
        together.append(AuditTestChains.record(1), now);
        List<AuditRecord> records = new ArrayList<>();
        List<AuditEvent> expected = new ArrayList<>();
        for (int i = 2; i <= 12; i++) {
            records.add(AuditTestChains.record(i));
            expected.add(oneByOne.append(AuditTestChains.record(i), now));
        }
        List<AuditEvent> appended = together.appendAll(records, now);
        assertEquals(expected.size(), appended.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getSequence(), appended.get(i).getSequence());
            assertEquals(expected.get(i).getHash(), appended.get(i).getHash());
            assertEquals(expected.get(i).getLeafHash(), appended.get(i).getLeafHash());
        }
        assertEquals(oneByOne.getLastSequence(), together.getLastSequence());
        assertEquals(oneByOne.getLastHash(), together.getLastHash());
        assertEquals(oneByOne.frontier().encode(), together.frontier().encode());
        assertTrue(together.appendAll(List.of(), now).isEmpty());
        assertEquals(12, together.getLastSequence());
    }
}
