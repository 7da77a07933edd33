package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths of the canonical writer agree with the plain definitions they replace. */
class CanonicalBytesTest {

    @Test
    void eightByteEscapeScanAgreesWithTheByteByByteRuleAtEveryPositionAndLength() {
        Random random = new Random(42);
        // every byte value at every position of strings around the 8-byte word boundaries
        for (int length = 0; length <= 19; length++) {
            for (int position = 0; position < length; position++) {
                for (int value = 0; value < 256; value++) {
                    byte[] bytes = new byte[length];
                    for (int i = 0; i < length; i++) {
                        bytes[i] = (byte) ('a' + random.nextInt(26));
                    }
                    bytes[position] = (byte) value;
                    assertEquals(naive(bytes), CanonicalBytes.needsEscaping(bytes),
                            "byte " + value + " at " + position + " of " + length);
                }
            }
        }
        assertFalse(CanonicalBytes.needsEscaping("Zoë Łukasz 東京 #ticket-42".getBytes(StandardCharsets.UTF_8)));
        assertTrue(CanonicalBytes.needsEscaping("Zoë Łukasz 東京 \"quoted\"".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reusedWriterRendersTheSameBytesAsAFreshOne() {
        AuditRecord plain = new AuditRecord("agent.eu", "AGENT", "TICKET_READ", "TICKET", "7", "subject~masked",
                AuditOutcome.SUCCESS, "req", "10.0.0.7");
        AuditRecord awkward = new AuditRecord("Zoë \"Q\" \\ \u0001", null, "TICKET_READ", null, "東京", null,
                AuditOutcome.DENIED, null, null);
        AuditEvent first = new AuditEvent(1, Instant.parse("2026-11-24T00:00:00.123456Z"), awkward,
                AuditEvent.GENESIS_HASH);
        AuditEvent second = new AuditEvent(2, Instant.parse("0999-01-02T03:04:05.006Z"), plain, first.getHash());
        for (AuditEvent event : new AuditEvent[] {first, second, first}) {
            byte[] canonical = event.canonicalForm().getBytes(StandardCharsets.UTF_8);
            assertEquals(HexFormat.of().formatHex(MerkleTree.sha256().digest(canonical)), event.getHash());
            assertEquals(HexFormat.of().formatHex(MerkleTree.leafHash(canonical)), event.getLeafHash());
            assertTrue(event.digests().hashMatches(event.getHash()));
            assertTrue(event.digests().leafMatches(event.getLeafHash()));
        }
        assertTrue(first.canonicalForm().contains("\"2026-11-24T00:00:00.123Z\""));
        assertTrue(second.canonicalForm().contains("\"0999-01-02T03:04:05.006Z\""));
        assertFalse(first.digests().hashMatches(first.getHash().toUpperCase()));
        assertFalse(first.digests().hashMatches(first.getHash().substring(1)));
        assertFalse(first.digests().hashMatches(null));
    }

    private static boolean naive(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return true;
            }
        }
        return false;
    }
}
