package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void digestsFromStoredBytesEqualTheDigestsOfTheEvent() {
        AuditRecord plain = new AuditRecord("agent.eu", "AGENT", "TICKET_READ", "TICKET", "7", "subject~masked",
                AuditOutcome.SUCCESS, "req", "10.0.0.7");
        AuditRecord awkward = new AuditRecord("Zoë \"Q\" \\ \u0001", null, "TICKET_READ", null, "東京", "a\tb",
                AuditOutcome.DENIED, null, null);
        String previous = AuditEvent.GENESIS_HASH;
        // same second twice (the cached text), the next second, a new day, before 1970, before year 1000,
        // after 9999 (the slow path), microseconds cut to milliseconds
        String[] times = {"2026-11-24T00:00:00.123456Z", "2026-11-24T00:00:00.999999Z", "2026-11-24T00:00:01Z",
            "2026-11-25T23:59:59.5Z", "1969-12-31T23:59:59.001Z", "0999-01-02T03:04:05.006Z",
            "+10000-01-01T00:00:00.007Z", "2026-11-24T00:00:00.123Z"};
        for (int i = 0; i < times.length; i++) {
            Instant at = Instant.parse(times[i]);
            AuditEvent event = AuditEvent.stored(1_000_000_000L + i, at, i % 2 == 0 ? awkward : plain, previous,
                    null, null);
            AuditEvent.Digests expected = event.digests();
            long micros = Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + at.getNano() / 1000;
            AuditEvent.Digests wire = AuditEvent.storedDigests(event.getSequence(), micros, utf8(event.getActor()),
                    utf8(event.getActorRoles()), utf8(event.getAction()), utf8(event.getResourceType()),
                    utf8(event.getResourceId()), utf8(event.getFields()), utf8(event.getOutcome().name()),
                    utf8(event.getRequestId()), utf8(event.getClientAddress()), utf8(previous));
            assertEquals(HexFormat.of().formatHex(expected.hash()), HexFormat.of().formatHex(wire.hash()), times[i]);
            assertEquals(HexFormat.of().formatHex(expected.leaf()), HexFormat.of().formatHex(wire.leaf()), times[i]);
            previous = HexFormat.of().formatHex(expected.hash());
        }
    }

    @Test
    void escapedValuesOfEveryLengthRenderFromBytesAsFromStrings() {
        // escapes grow a value beyond the room reserved for it: with a fresh writer for every length and remainder,
        // some value ends exactly at the end of the buffer and the comma after it needs more room
        for (int n = 0; n <= 1200; n++) {
            for (int extra = 0; extra < 8; extra++) {
                String[] values = {"a" + "b".repeat(extra), null, "X", null, null, "\"".repeat(n) + "ab", "SUCCESS",
                    "\\".repeat(n % 3), null, AuditEvent.GENESIS_HASH};
                CanonicalBytes fromStrings = new CanonicalBytes(1024).prefix(1).timeMicros(0);
                for (String value : values) {
                    fromStrings.raw(',').string(value);
                }
                byte[][] bytes = new byte[values.length][];
                for (int i = 0; i < values.length; i++) {
                    bytes[i] = utf8(values[i]);
                }
                CanonicalBytes fromBytes = new CanonicalBytes(1024).prefix(1).timeMicros(0).raw(',').utf8Strings(bytes);
                assertArrayEquals(fromStrings.toByteArray(), fromBytes.toByteArray(), n + " quotes, actor " + values[0]);
            }
        }
    }

    @Test
    void storedHexBytesMatchOnlyTheirOwnDigest() {
        byte[] digest = MerkleTree.sha256().digest("x".getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest);
        assertTrue(Hex.matches(hex.getBytes(StandardCharsets.US_ASCII), digest));
        assertFalse(Hex.matches(hex.toUpperCase().getBytes(StandardCharsets.US_ASCII), digest));
        assertFalse(Hex.matches(hex.substring(1).getBytes(StandardCharsets.US_ASCII), digest));
        assertFalse(Hex.matches((byte[]) null, digest));
        for (int i = 0; i < hex.length(); i++) {
            byte[] changed = hex.getBytes(StandardCharsets.US_ASCII);
            changed[i] = (byte) (changed[i] == '0' ? '1' : '0');
            assertFalse(Hex.matches(changed, digest), "digit " + i);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
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
