package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar started the way an operator first starts it: no keys configured, an empty database. It must make
 * keys of its own (none of the published development keys), keep them, refuse the development keys and keys that
 * are not the installation's, hand out the demo password once, and let tokens be revoked and keys rotated.
 */
class FirstStartIT {

    /** An upper bound only (~20 s on an idle machine): a 2-core machine shared with other builds took over 4 min. */
    private static final Duration BOOT = Duration.ofMinutes(8);
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+), generated now and shown only this once");

    @Test
    void anInstallationMakesAndKeepsItsOwnKeys() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "first-start"));
        Path data = work.resolve("data-" + UUID.randomUUID());
        String database = "first_start_" + Long.toHexString(System.nanoTime());
        try (Connection sql = EmbeddedPostgresSession.connect(); Statement statement = sql.createStatement()) {
            statement.execute("create database " + database);
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("CUSTODIAN_DB_URL", "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port")
                + "/" + database);
        environment.put("CUSTODIAN_DB_USER", "postgres");
        environment.put("CUSTODIAN_DB_PASSWORD", "postgres");
        environment.put("CUSTODIAN_DATA_DIR", data.toString());
        environment.put("CUSTODIAN_DEMO_SEED", "true");
        environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "when-enrolled");
        environment.put("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", work.resolve("backups").toString());

        String firstToken;
        String password;
        String firstKid;
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                    + tail(server));
            Api api = new Api(server.url());

            // keys of its own, owner-only, recorded by fingerprint
            Path keys = data.resolve("keys");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
            for (String file : List.of("jwt-signing-key.pem", "audit-signing-key.pem", "audit-verify-key.pem",
                    "audit-hmac-key", "second-factor-key", "backup-signing-key.asc", "attachment-master-key")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        keys.resolve(file))), file);
            }
            assertEquals(6, count(database, "select count(*) from installation_key"), "six fingerprints recorded");

            // the demo password: generated, printed once, the published one refused
            Matcher printed = server.console().stream().map(PASSWORD::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new AssertionError("no generated password printed: " + tail(server)));
            password = printed.group(1);
            assertNotEquals(Api.DEMO_PASSWORD, password);
            assertEquals(401, api.login("agent.eu", Api.DEMO_PASSWORD).status(), "the published demo password");
            Reply signIn = api.login("agent.eu", password);
            assertEquals(200, signIn.status(), signIn::toString);
            firstToken = signIn.json().getString("access_token");

            // the token names its key, and the key set publishes exactly that key
            firstKid = SignedJWT.parse(firstToken).getHeader().getKeyID();
            Reply keySet = api.get("api/v1/auth/jwks", null);
            assertTrue(keySet.header("Cache-Control").orElse("").contains("max-age=300"), "public keys may be cached");
            JsonObject jwks = keySet.json();
            assertEquals(1, jwks.getJsonArray("keys").size());
            assertEquals(firstKid, jwks.getJsonArray("keys").getJsonObject(0).getString("kid"));
            assertFalse(jwks.toString().contains("\"d\""), "no private parameter published");
            Reply tickets = api.get("api/v1/tickets", firstToken);
            assertEquals(200, tickets.status());
            assertEquals("no-store", tickets.header("Cache-Control").orElse(""), "personal data is never cached");
            assertEquals("nosniff", tickets.header("X-Content-Type-Options").orElse(""));

            // a token signed with the published development key is nobody here
            Instant now = Instant.now();
            JWTClaimsSet forged = new JWTClaimsSet.Builder().issuer("urn:custodian").audience("custodian-api")
                    .subject("operator").claim("upn", "operator").claim("groups", List.of("OPERATOR", "AUDITOR"))
                    .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).build();
            assertEquals(401, api.get("api/v1/tickets", Tokens.sign(DevKeys.signingKey(), forged)).status());

            // the classic forgeries, against a server with a key of its own: all refused, the genuine control not
            RSAPrivateCrtKey serverKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(keys.resolve(
                            "jwt-signing-key.pem")).replaceAll("-----[A-Z ]+-----", ""))));
            RSAPublicKey serverPublic = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(serverKey.getModulus(), serverKey.getPublicExponent()));
            ForgedTokens forgeries = new ForgedTokens(serverKey, serverPublic, "agent.eu", List.of("AGENT"));
            assertEquals(200, api.get("api/v1/tickets", forgeries.genuine()).status(), "the control");
            for (Map.Entry<String, String> forgery : forgeries.all().entrySet()) {
                Reply refused = api.get("api/v1/tickets", forgery.getValue());
                assertEquals(401, refused.status(), () -> forgery.getKey() + ": " + refused);
                assertTrue(refused.contentType().startsWith("application/problem+json"), forgery::getKey);
            }

            // sign out everywhere: this token and every other of the user stop at once; a new one works
            String second = api.login("agent.eu", password).json().getString("access_token");
            assertEquals(204, api.post("api/v1/auth/sign-out-everywhere", second, null).status());
            Reply revoked = api.get("api/v1/tickets", firstToken);
            assertEquals(401, revoked.status(), revoked::toString);
            assertTrue(revoked.body().contains("revoked"), revoked::toString);
            assertEquals(401, api.get("api/v1/tickets", second).status());
            firstToken = api.login("agent.eu", password).json().getString("access_token");
            assertEquals(200, api.get("api/v1/tickets", firstToken).status());

            // backups need an operator's public key: refused, saying which setting
            String operator = api.login("operator", password).json().getString("access_token");
            Reply backup = api.post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"first backup\"}");
            assertTrue(backup.status() >= 400 && backup.status() < 600 && backup.status() != 500, backup::toString);
            assertTrue(backup.body().contains("CUSTODIAN_BACKUP_RECIPIENT_KEYS"), backup::toString);
        }

        // rotation: the old signing key moves to jwt-previous, the next start makes a new one; old tokens still verify
        Path previous = Files.createDirectories(data.resolve("keys/jwt-previous"));
        Files.move(data.resolve("keys/jwt-signing-key.pem"), previous.resolve("1.pem"));
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                    + tail(server));
            Api api = new Api(server.url());
            assertTrue(server.console().stream().noneMatch(line -> PASSWORD.matcher(line).find()),
                    "the password is shown once only");
            assertEquals(200, api.get("api/v1/tickets", firstToken).status(), "a token of the previous key");
            String token = api.login("agent.eu", password).json().getString("access_token");
            assertNotEquals(firstKid, SignedJWT.parse(token).getHeader().getKeyID());
            assertEquals(2, api.get("api/v1/auth/jwks", null).json().getJsonArray("keys").size());
            assertEquals(1, count(database, "select count(*) from audit_event where action = 'KEY_ROTATED'"));
        }

        // the published development keys: refused, saying why
        Map<String, String> development = new HashMap<>(environment);
        development.put("CUSTODIAN_AUDIT_HMAC_KEY", "DEVELOPMENT-ONLY-audit-field-hmac-key-not-secret");
        assertRefused(work, development, "keys published in Custodian's repository");

        // another data directory means other keys: not this installation's
        Map<String, String> stranger = new HashMap<>(environment);
        stranger.put("CUSTODIAN_DATA_DIR", work.resolve("data-" + UUID.randomUUID()).toString());
        assertRefused(work, stranger, "is not the one this installation recorded");
    }

    private static void assertRefused(Path work, Map<String, String> environment, String why) throws Exception {
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains("Custodian does not start") && line.contains(why),
                    BOOT), () -> "expected a refusal (" + why + "): " + tail(server));
            Reply health = new Api(server.url()).get("api/v1/auth/jwks", null);
            assertNotEquals(200, health.status(), "the application must not be up");
        }
    }

    private static long count(String database, String query) throws Exception {
        return RunnableServer.count(database, query);
    }

    private static String tail(RunnableServer server) {
        return server.tail();
    }
}
