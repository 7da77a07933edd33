package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        // the RFC lists 8-digit codes; the 6-digit ones are their last six digits (modulo 10^6)
        long[][] vectors = {{59L, 94287082L}, {1111111109L, 7081804L}, {1111111111L, 14050471L},
            {1234567890L, 89005924L}, {2000000000L, 69279037L}, {20000000000L, 65353130L}};
        for (long[] vector : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(vector[0]));
            assertEquals(vector[1], Totp.truncate(RFC_SECRET, step, 8), "8 digits at " + vector[0]);
            assertEquals(String.format("%06d", vector[1] % 1_000_000), Totp.code(RFC_SECRET, step));
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNeverAStepTwice() {
        Instant now = Instant.ofEpochSecond(1_111_111_111L);
        long current = Totp.step(now);
        assertEquals(OptionalLong.of(current), Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current), now, 0));
        assertEquals(OptionalLong.of(current - 1),
                Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 1), now, 0));
        assertEquals(OptionalLong.of(current + 1),
                Totp.matchingStep(RFC_SECRET, " " + Totp.code(RFC_SECRET, current + 1), now, 0));
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 2), now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current + 2), now, 0).isEmpty());
        // the step used last (and any before it) is refused: a code is good once
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current), now, current).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345", now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345a", now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, null, now, 0).isEmpty());
    }

    @Test
    void encodesBase32AndKeyUrisAsAuthenticatorsReadThem() {
        // RFC 4648 section 10 vectors, without padding
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
        assertEquals("otpauth://totp/Custodian:sofia%20s%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Custodian&algorithm=SHA1&digits=6&period=30",
                Totp.keyUri("Custodian", "sofia s@example.org", RFC_SECRET));
    }

    @Test
    void sealsSecretsForOneUserAndKeysRecoveryHashes() {
        SecretSealer sealer = new SecretSealer(new byte[32]);
        String sealed = sealer.seal("sofia", RFC_SECRET);
        assertEquals(new String(RFC_SECRET, StandardCharsets.US_ASCII),
                new String(sealer.open("sofia", sealed), StandardCharsets.US_ASCII));
        assertNotEquals(sealed, sealer.seal("sofia", RFC_SECRET), "a fresh nonce every time");
        assertThrows(IllegalStateException.class, () -> sealer.open("olga", sealed), "bound to its user");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class, () -> new SecretSealer(otherKey).open("sofia", sealed));
        assertThrows(IllegalStateException.class, () -> new SecretSealer(new byte[16]));
        assertNotEquals(sealer.recoveryCodeHash("sofia", "ABCDEFGHIJ"), sealer.recoveryCodeHash("olga", "ABCDEFGHIJ"));
        assertNotEquals(sealer.recoveryCodeHash("sofia", "ABCDEFGHIJ"),
                new SecretSealer(otherKey).recoveryCodeHash("sofia", "ABCDEFGHIJ"));
    }

    @Test
    void recoveryCodesAreDistinctAndTypedBackLeniently() {
        List<String> codes = RecoveryCodes.generate(new SecretSealer(new byte[32]), 10);
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[a-z2-7]{5}-[a-z2-7]{5}"), code);
            assertEquals(code.replace("-", "").toUpperCase(), RecoveryCodes.normalize(" " + code.toUpperCase() + " "));
        }
        assertEquals("ABCDEFGHIJ", RecoveryCodes.normalize("abcde fghij"));
        assertNull(RecoveryCodes.normalize("abcde-fghi"));
        assertNull(RecoveryCodes.normalize("abcde-fghi1"), "1 is not base32");
        assertNull(RecoveryCodes.normalize(null));
        assertFalse(RecoveryCodes.normalize("abcde-fghij").contains("-"));
    }
}
