package org.custodian.infrastructure.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationKeySourceTest {

    @TempDir
    Path data;

    @BeforeEach
    void useDataDirectory() {
        System.setProperty(DataDirectory.PROPERTY, data.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty(DataDirectory.PROPERTY);
        System.clearProperty(InstallationKeySource.AUDIT_HMAC);
    }

    @Test
    void generatesOnceOwnerOnlyAndReadsTheSameKeysAfterwards() throws Exception {
        InstallationKeySource first = new InstallationKeySource();
        String signing = first.getValue(InstallationKeySource.JWT_SIGNING);
        String hmac = first.getValue(InstallationKeySource.AUDIT_HMAC);
        assertTrue(signing.startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(44, hmac.length(), "base64 of 32 bytes");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("keys/jwt-signing-key.pem"))));

        InstallationKeySource again = new InstallationKeySource();
        assertEquals(signing, again.getValue(InstallationKeySource.JWT_SIGNING));
        assertEquals(hmac, again.getValue(InstallationKeySource.AUDIT_HMAC));
        assertNotEquals(first.getValue(InstallationKeySource.AUDIT_SIGNING),
                first.getValue(InstallationKeySource.AUDIT_VERIFY));
    }

    @Test
    void aConfiguredKeyIsNeverGenerated() {
        System.setProperty(InstallationKeySource.AUDIT_HMAC, "configured-elsewhere-configured-elsewhere");
        assertNull(new InstallationKeySource().getValue(InstallationKeySource.AUDIT_HMAC));
        assertTrue(Files.notExists(data.resolve("keys/audit-hmac-key")));
    }

    @Test
    void theVerificationKeysAreTheSigningKeyAndThePreviousOnes() throws Exception {
        InstallationKeySource source = new InstallationKeySource();
        String kid = kids(source.getValue(InstallationKeySource.JWT_VERIFY))[0];
        Files.createDirectories(data.resolve("keys/jwt-previous"));
        Files.move(data.resolve("keys/jwt-signing-key.pem"), data.resolve("keys/jwt-previous/old.pem"));
        String[] after = kids(new InstallationKeySource().getValue(InstallationKeySource.JWT_VERIFY));
        assertEquals(2, after.length);
        assertNotEquals(kid, after[0], "a new current key first");
        assertEquals(kid, after[1], "the previous key still verifies");
    }

    private static String[] kids(String jwks) {
        return Json.createReader(new StringReader(jwks)).readObject().getJsonArray("keys").stream()
                .map(key -> key.asJsonObject().getString("kid")).toArray(String[]::new);
    }
}
