package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** The minimum, to keep the suite fast; the production default is far higher. */
    private static final PasswordHasher HASHER = new PasswordHasher(10_000);

    private static final char[] SECRET = "correct horse battery staple".toCharArray();

    @Test
    void hashThenVerifyRoundTrips() {
        String stored = HASHER.hash(SECRET.clone());
        assertTrue(HASHER.verify(SECRET.clone(), stored));
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String stored = HASHER.hash(SECRET.clone());
        assertFalse(HASHER.verify("correct horse battery stapler".toCharArray(), stored));
        assertFalse(HASHER.verify("".toCharArray(), stored));
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        char[] password = "pässwörd-日本".toCharArray();
        String stored = HASHER.hash(password.clone());
        assertTrue(HASHER.verify(password.clone(), stored));
        assertFalse(HASHER.verify("passwort-日本".toCharArray(), stored));
    }

    @Test
    void formatIsJakartaPbkdf2() {
        String[] parts = HASHER.hash(SECRET.clone()).split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("10000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "256-bit salt");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "256-bit key");
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        String one = HASHER.hash(SECRET.clone());
        String two = HASHER.hash(SECRET.clone());
        assertNotEquals(one, two);
        assertNotEquals(one.split(":")[2], two.split(":")[2]);
        assertTrue(HASHER.verify(SECRET.clone(), one));
        assertTrue(HASHER.verify(SECRET.clone(), two));
    }

    @Test
    void verifiesAHashWithItsOwnIterationCount() {
        // Raising the configured count must not lock out users whose hash used the old one.
        String old = HASHER.hash(SECRET.clone());
        assertTrue(new PasswordHasher(20_000).verify(SECRET.clone(), old));
    }

    @Test
    void verifiesAnIndependentlyComputedKnownAnswer() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256(P="Password", S="NaCl", c=80000); first 32 bytes.
        byte[] key = HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
        String stored = "PBKDF2WithHmacSHA256:80000:"
                + Base64.getEncoder().encodeToString("NaCl".getBytes(StandardCharsets.US_ASCII)) + ":"
                + Base64.getEncoder().encodeToString(key);
        assertTrue(HASHER.verify("Password".toCharArray(), stored));
        assertFalse(HASHER.verify("password".toCharArray(), stored));
    }

    @Test
    void tamperedHashDoesNotVerify() {
        String stored = HASHER.hash(SECRET.clone());
        String[] parts = stored.split(":");
        byte[] key = Base64.getDecoder().decode(parts[3]);
        key[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + Base64.getEncoder().encodeToString(key);
        assertFalse(HASHER.verify(SECRET.clone(), tampered));
        // a different iteration count gives a different key
        assertFalse(HASHER.verify(SECRET.clone(), parts[0] + ":10001:" + parts[2] + ":" + parts[3]));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "not-a-hash",
            "PBKDF2WithHmacSHA256:10000:c2FsdA==",                       // three parts
            "PBKDF2WithHmacSHA256:10000:c2FsdA==:a2V5:extra",           // five parts
            "PBKDF2WithHmacSHA1:10000:c2FsdA==:a2V5",                   // other algorithm
            "PBKDF2WithHmacSHA256:many:c2FsdA==:a2V5",                  // iterations not a number
            "PBKDF2WithHmacSHA256:0:c2FsdA==:a2V5",                     // zero iterations
            "PBKDF2WithHmacSHA256:-5:c2FsdA==:a2V5",                    // negative iterations
            "PBKDF2WithHmacSHA256:10000:!!!:a2V5",                      // salt not Base64
            "PBKDF2WithHmacSHA256:10000:c2FsdA==:@@@",                  // key not Base64
            "PBKDF2WithHmacSHA256:10000::a2V5",                         // empty salt
            "PBKDF2WithHmacSHA256:99999999999:c2FsdA==:a2V5"})          // iterations overflow int
    void malformedStoredHashNeverMatchesAndNeverThrows(String stored) {
        assertFalse(assertDoesNotThrow(() -> HASHER.verify(SECRET.clone(), stored)));
    }

    @Test
    void tooFewIterationsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(9_999));
        assertTrue(e.getMessage().contains("10,000"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertDoesNotThrow(() -> new PasswordHasher(10_000));
    }

    @Test
    void productionDefaultIsNotLoweredBelowOwasp2023() {
        // Guards against an accidental "speed-up" of the production work factor.
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 600_000);
    }

    @Test
    void aStoredHashWithAWeakenedIterationCountNeverMatches() throws Exception {
        // someone who can write the users table must not be able to downgrade a hash to 1 round
        byte[] salt = new byte[32];
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] key = factory.generateSecret(new PBEKeySpec(SECRET.clone(), salt, 1, 256)).getEncoded();
        String weak = "PBKDF2WithHmacSHA256:1:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        assertFalse(HASHER.verify(SECRET.clone(), weak));
    }
}
