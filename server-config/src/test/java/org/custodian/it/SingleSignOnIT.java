package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on for the API against a real Keycloak (#22): the runnable jar trusts the realm {@code custodian} next
 * to its own tokens, maps groups to roles and regions and creates users just in time; then, restarted with
 * pre-provisioning, admits only users that exist here. Keycloak starts alongside the
 * application (both take tens of seconds), its access tokens come from the password grant of the test client.
 */
class SingleSignOnIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+), generated now and shown only this once");
    private static final int CALLS = 20;

    @Test
    void keycloakTokensWorkWithTheMappedRolesAndForeignOnesAreRefused() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "single-sign-on"));
        String database = SingleSignOnSetup.newDatabase("sso");
        try (Keycloak keycloak = new Keycloak().launch()) {
            Map<String, String> environment = SingleSignOnSetup.environment(keycloak, work, database);
            Instant launched = Instant.now();
            try (RunnableServer server = RunnableServer.start(work, environment)) {
                assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                        + tail(server));
                Duration custodianStart = Duration.between(launched, Instant.now());
                keycloak.awaitReady();
                System.out.println("Custodian ready after " + custodianStart.toMillis() + " ms; Keycloak (started"
                        + " alongside) after " + keycloak.startTime().toMillis() + " ms");
                Api api = new Api(server.url());
                String password = server.console().stream().map(PASSWORD::matcher).filter(Matcher::find)
                        .findFirst().orElseThrow(() -> new AssertionError("no password: " + tail(server))).group(1);

                // our own tokens keep working next to the IdP's
                String own = api.login("agent.eu", password).json().getString("access_token");
                Reply ownTickets = api.get("api/v1/tickets", own);
                assertEquals(200, ownTickets.status(), ownTickets::toString);

                // a Keycloak token: the user is created just in time with the mapped role and region, and sees what
                // an EU agent of ours sees
                Instant before = Instant.now();
                String agent = keycloak.accessToken(Keycloak.REALM, "kc-agent");
                System.out.println("Keycloak password grant took " + Duration.between(before, Instant.now())
                        .toMillis() + " ms");
                Reply tickets = api.get("api/v1/tickets", agent);
                assertEquals(200, tickets.status(), tickets::toString);
                assertEquals(ids(ownTickets.json()), ids(tickets.json()), "kc-agent sees what agent.eu sees");
                assertEquals("AGENT", text(database, "select string_agg(r.role, ',') from app_user u join"
                        + " app_user_role r on r.user_id = u.id where u.username = 'kc-agent'"));
                assertEquals("EU", text(database, "select string_agg(r.region, ',') from app_user u join"
                        + " app_user_region r on r.user_id = u.id where u.username = 'kc-agent'"));
                assertEquals("true|" + keycloak.issuer(Keycloak.REALM), text(database, "select identity_managed ||"
                        + " '|' || identity_issuer from app_user where username = 'kc-agent'"));
                assertEquals(1, count(database, "select count(*) from audit_event where action = 'USER_PROVISION'"
                        + " and resource_id = 'kc-agent'"));
                Reply agentPrivacy = api.get("api/v1/privacy/records-of-processing", agent);
                assertEquals(403, agentPrivacy.status(), agentPrivacy::toString);

                // the per-call cost of an IdP token against one of ours (same user store, same endpoint)
                // (rounds alternate, the best of three counts: the machine is shared and noisy)
                long ownMillis = Long.MAX_VALUE;
                long idpMillis = Long.MAX_VALUE;
                for (int round = 0; round < 3; round++) {
                    ownMillis = Math.min(ownMillis, timeCalls(api, own));
                    idpMillis = Math.min(idpMillis, timeCalls(api, agent));
                }
                System.out.println("GET /api/v1/tickets x" + CALLS + ": own token " + ownMillis + " ms, Keycloak"
                        + " token " + idpMillis + " ms (" + (idpMillis - ownMillis) / (double) CALLS + " ms per call more)");
                assertEquals(1, count(database, "select count(*) from app_user where username = 'kc-agent'"));

                // another group maps to another role
                String privacy = keycloak.accessToken(Keycloak.REALM, "kc-privacy");
                Reply records = api.get("api/v1/privacy/records-of-processing", privacy);
                assertEquals(200, records.status(), records::toString);

                // a token of another realm, and one of another client (no audience for us): nobody here
                assertRefused(api.get("api/v1/tickets", keycloak.accessToken(Keycloak.OTHER_REALM, "kc-agent")), 401,
                        "issuer");
                String otherApp = keycloak.token(Keycloak.REALM, Map.of("grant_type", "password", "client_id",
                        "other-app", "username", "kc-agent", "password", Keycloak.PASSWORD))
                        .getString("access_token");
                assertRefused(api.get("api/v1/tickets", otherApp), 401, "audience");
                // the realm's issuer with a key that is not the realm's
                RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
                Instant now = Instant.now();
                SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID("stranger").build(), new JWTClaimsSet.Builder().issuer(keycloak.issuer(Keycloak.REALM))
                        .audience(Keycloak.CLIENT_ID).subject(UUID.randomUUID().toString())
                        .claim("preferred_username", "kc-forger").claim("groups", List.of("custodian-privacy"))
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
                forged.sign(new RSASSASigner(stranger));
                assertRefused(api.get("api/v1/tickets", forged.serialize()), 401, "unknown key");
                assertEquals(0, count(database, "select count(*) from app_user where username = 'kc-forger'"));

                // groups that map to nothing: no user made, a 403 naming the setting
                assertRefused(api.get("api/v1/tickets", keycloak.accessToken(Keycloak.REALM, "kc-nobody")), 403,
                        "CUSTODIAN_OIDC_GROUP_MAP");
                assertEquals(0, count(database, "select count(*) from app_user where username = 'kc-nobody'"));

                // a user disabled here stays out, whatever the IdP says
                String leaver = keycloak.accessToken(Keycloak.REALM, "kc-leaver");
                assertEquals(200, api.get("api/v1/tickets", leaver).status());
                execute(database, "update app_user set enabled = false where username = 'kc-leaver'");
                assertRefused(api.get("api/v1/tickets", leaver), 401, "disabled");
                assertRefused(api.get("api/v1/tickets", keycloak.accessToken(Keycloak.REALM, "kc-leaver")), 401,
                        "disabled");

                // and our own tokens still work after all that
                assertEquals(200, api.get("api/v1/tickets", own).status());
            }

            // the same installation, now admitting only users created here
            environment.put("CUSTODIAN_OIDC_PROVISIONING", "pre-provisioned");
            // and requiring a second factor of the roles that need one (the default): a bearer token cannot carry
            // our TOTP code, so the IdP must say it checked one (Keycloak's password grant says acr 1: it did not)
            environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "required");
            try (RunnableServer server = RunnableServer.start(work, environment)) {
                assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                        + tail(server));
                Api api = new Api(server.url());
                String unknown = keycloak.accessToken(Keycloak.REALM, "kc-nobody");
                assertRefused(api.get("api/v1/tickets", unknown), 403, "CUSTODIAN_OIDC_PROVISIONING");
                assertEquals(0, count(database, "select count(*) from app_user where username = 'kc-nobody'"));
                // created here (as a user administrator would): linked at the first sign-in, with the roles given
                // here, whatever the IdP's groups say (kc-nobody's groups map to nothing)
                execute(database, "with made as (insert into app_user (id, username, display_name, password_hash,"
                        + " enabled, created_at) values (nextval('app_user_seq'), 'kc-nobody', 'Noa Test', 'none',"
                        + " true, now()) returning id), role as (insert into app_user_role (user_id, role) select id,"
                        + " 'AGENT' from made) insert into app_user_region (user_id, region) select id, 'EU' from made");
                assertEquals(200, api.get("api/v1/tickets", unknown).status());
                assertEquals("false|" + keycloak.issuer(Keycloak.REALM), text(database, "select identity_managed"
                        + " || '|' || identity_issuer from app_user where username = 'kc-nobody'"));
                assertEquals(200, api.get("api/v1/tickets", keycloak.accessToken(Keycloak.REALM, "kc-agent"))
                        .status(), "a user created just in time before is known now");
                Reply weak = api.get("api/v1/tickets", keycloak.accessToken(Keycloak.REALM, "kc-privacy"));
                assertRefused(weak, 403, "second factor");
                assertTrue(weak.header("WWW-Authenticate").orElse("").contains("insufficient_user_authentication"),
                        weak::toString);
            }
        }
    }

    private static long timeCalls(Api api, String token) {
        api.get("api/v1/tickets", token); // warm
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            assertEquals(200, api.get("api/v1/tickets", token).status());
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static void assertRefused(Reply reply, int status, String mentions) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.body().contains(mentions), () -> "expected '" + mentions + "' in " + reply);
    }

    private static TreeSet<String> ids(JsonObject page) {
        TreeSet<String> ids = new TreeSet<>();
        JsonValue items = page.containsKey("items") ? page.get("items") : page.get("content");
        items.asJsonArray().forEach(item -> ids.add(item.asJsonObject().get("id").toString()));
        return ids;
    }


    private static long count(String database, String query) throws Exception {
        return Long.parseLong(text(database, query));
    }

    private static String text(String database, String query) throws Exception {
        try (Connection sql = DriverManager.getConnection(SingleSignOnSetup.url(database), "postgres", "postgres");
                Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String database, String update) throws Exception {
        try (Connection sql = DriverManager.getConnection(SingleSignOnSetup.url(database), "postgres", "postgres");
                Statement statement = sql.createStatement()) {
            statement.executeUpdate(update);
        }
    }

    private static String tail(RunnableServer server) {
        List<String> lines = server.console();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
