package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";

    /** Exercises every escaping rule: quote, backslash, control characters, non-ASCII, and absent values. */
    private static AuditEvent sample() {
        AuditRecord record = new AuditRecord(
                "zoë \"z\" admin",            // quote, and a non-ASCII letter that must pass through as UTF-8
                "ADMIN,AUDITOR",
                "TICKET_UPDATE",
                "TICKET",
                "C:\\tickets\\42",              // backslashes
                "subject\nstatus\t\u001b",      // LF, TAB, ESC -> lower-case hex escapes
                AuditOutcome.SUCCESS,
                null,                           // absent request id
                "10.0.0.7");
        return new AuditEvent(7, Instant.parse("2026-01-31T17:45:00.123456789Z"), record, GENESIS);
    }

    /** Written by hand from the format documented on AuditEvent, not copied from the implementation. */
    private static final String SAMPLE_CANONICAL = "["
            + "\"custodian-audit-v1\","
            + "7,"
            + "\"2026-01-31T17:45:00.123Z\","
            + "\"zoë \\\"z\\\" admin\","
            + "\"ADMIN,AUDITOR\","
            + "\"TICKET_UPDATE\","
            + "\"TICKET\","
            + "\"C:\\\\tickets\\\\42\","
            + "\"subject\\u000astatus\\u0009\\u001b\","
            + "\"SUCCESS\","
            + "null,"
            + "\"10.0.0.7\","
            + "\"" + GENESIS + "\""
            + "]";

    @Test
    void genesisHashIsSixtyFourZeros() {
        assertEquals(GENESIS, AuditEvent.GENESIS_HASH);
    }

    @Test
    void canonicalFormMatchesTheDocumentedFormat() {
        assertEquals(SAMPLE_CANONICAL, sample().canonicalForm());
    }

    @Test
    void canonicalFormHasExactlyThreeFractionDigits() {
        AuditEvent wholeSecond = new AuditEvent(1, Instant.parse("2026-03-01T00:00:00Z"),
                new AuditRecord("a", null, "LOGIN", null, null, null, AuditOutcome.DENIED, null, null), GENESIS);
        assertEquals("[\"custodian-audit-v1\",1,\"2026-03-01T00:00:00.000Z\",\"a\",null,\"LOGIN\",null,null,null,"
                + "\"DENIED\",null,null,\"" + GENESIS + "\"]", wholeSecond.canonicalForm());
    }

    @Test
    void hashIsSha256OfTheCanonicalUtf8Bytes() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(SAMPLE_CANONICAL.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        AuditEvent event = sample();
        assertEquals(hex.toString(), event.getHash());
        assertEquals(event.getHash(), event.computeHash());
        assertTrue(event.getHash().matches("[0-9a-f]{64}"), "64 lower-case hex digits");
    }

    @Test
    void occurredAtIsTruncatedToMilliseconds() {
        assertEquals(Instant.parse("2026-01-31T17:45:00.123Z"), sample().getOccurredAt());
    }

    @Test
    void sameInputGivesSameHash() {
        assertEquals(sample().getHash(), sample().getHash());
    }

    @Test
    void subMillisecondDifferencesDoNotChangeTheHash() {
        // The database may keep only microseconds; the hash must survive that round trip.
        AuditRecord record = AuditTestChains.record(1);
        AuditEvent nanos = new AuditEvent(1, Instant.parse("2026-01-31T17:45:00.123999999Z"), record, GENESIS);
        AuditEvent micros = new AuditEvent(1, Instant.parse("2026-01-31T17:45:00.123456Z"), record, GENESIS);
        assertEquals(nanos.getHash(), micros.getHash());
    }

    @Test
    void everyFieldTakesPartInTheHash() {
        AuditRecord base = AuditTestChains.record(1);
        Instant t = AuditTestChains.START;
        String reference = new AuditEvent(1, t, base, GENESIS).getHash();
        AuditRecord[] variants = {
                new AuditRecord("x", base.actorRoles(), base.action(), base.resourceType(), base.resourceId(),
                        base.fields(), base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), "x", base.action(), base.resourceType(), base.resourceId(),
                        base.fields(), base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), "x", base.resourceType(), base.resourceId(),
                        base.fields(), base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), "x", base.resourceId(),
                        base.fields(), base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), base.resourceType(), "x",
                        base.fields(), base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), base.resourceType(), base.resourceId(),
                        "x", base.outcome(), base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), base.resourceType(), base.resourceId(),
                        base.fields(), AuditOutcome.FAILURE, base.requestId(), base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), base.resourceType(), base.resourceId(),
                        base.fields(), base.outcome(), "x", base.clientAddress()),
                new AuditRecord(base.actor(), base.actorRoles(), base.action(), base.resourceType(), base.resourceId(),
                        base.fields(), base.outcome(), base.requestId(), "x"),
        };
        for (AuditRecord variant : variants) {
            assertNotEquals(reference, new AuditEvent(1, t, variant, GENESIS).getHash(), variant.toString());
        }
        assertNotEquals(reference, new AuditEvent(2, t, base, GENESIS).getHash(), "sequence");
        assertNotEquals(reference, new AuditEvent(1, t.plusMillis(1), base, GENESIS).getHash(), "occurredAt");
        assertNotEquals(reference, new AuditEvent(1, t, base, "1".repeat(64)).getHash(), "previousHash");
    }

    @Test
    void nullAndTheStringNullAreDistinct() {
        // An absent value is the JSON literal null, never the quoted text "null".
        AuditRecord absent = new AuditRecord("a", null, "LOGIN", null, null, null, AuditOutcome.SUCCESS, null, null);
        AuditRecord text = new AuditRecord("a", "null", "LOGIN", null, null, null, AuditOutcome.SUCCESS, null, null);
        assertNotEquals(new AuditEvent(1, AuditTestChains.START, absent, GENESIS).getHash(),
                new AuditEvent(1, AuditTestChains.START, text, GENESIS).getHash());
    }

    @Test
    void separatorsInsideValuesCannotForgeAnotherSplit() {
        // Without escaping, actor='a",' + roles='b' and actor='a' + roles=',"b' could collide.
        AuditRecord one = new AuditRecord("a\",\"b", "c", "LOGIN", null, null, null, AuditOutcome.SUCCESS, null, null);
        AuditRecord two = new AuditRecord("a", "b\",\"c", "LOGIN", null, null, null, AuditOutcome.SUCCESS, null, null);
        assertNotEquals(new AuditEvent(1, AuditTestChains.START, one, GENESIS).canonicalForm(),
                new AuditEvent(1, AuditTestChains.START, two, GENESIS).canonicalForm());
    }

    @Test
    void canonicalFormIsValidJsonThatRoundTripsTheValues() {
        // parsson (test scope) is an independent JSON parser: the escaping must be real JSON.
        JsonArray array;
        try (JsonReader reader = Json.createReader(
                new StringReader(sample().canonicalForm()))) {
            array = reader.readArray();
        }
        assertEquals(13, array.size());
        assertEquals("custodian-audit-v1", array.getString(0));
        assertEquals(7, array.getJsonNumber(1).longValueExact());
        assertEquals("zoë \"z\" admin", array.getString(3));
        assertEquals("C:\\tickets\\42", array.getString(7));
        assertEquals("subject\nstatus\t\u001b", array.getString(8));
        assertTrue(array.isNull(10));
    }
}
