package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Single sign-on against a real Keycloak (#22), one Keycloak for both tests (its start is the dearest part, #19);
 * each test has its own database and its own Custodian (the runnable jar), whose settings differ.
 *
 * <p>The portal's "Sign in with Keycloak" in headless Chromium: the code flow with PKCE through Keycloak's own login
 * page, the mapped roles in the queue, a deep link that survives the trip, sign-out through Keycloak's end-session
 * endpoint, a back-channel logout (Keycloak's admin API logs the user out, Keycloak posts the logout token here)
 * ending the portal session, an IdP error shown as a message, our TOTP enrollment after an IdP sign-in without MFA,
 * and password sign-in turned off except for the break-glass administrator.
 *
 * <p>The API: the runnable jar trusts the realm {@code custodian} next to its own tokens, maps groups to roles and
 * regions and creates users just in time; then, restarted with pre-provisioning, admits only users that exist here.
 * Its access tokens come from the password grant of the test client.
 *
 * <p>The portal test runs first: it logs kc-agent out at Keycloak (all of the user's Keycloak sessions), which must
 * not end sessions the API test still uses; the API test only takes new password-grant tokens, so it does not care
 * what the portal test left behind at Keycloak (a session of kc-privacy, the back-channel URL of a stopped server).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    /** An upper bound only (~20 s on an idle machine): a 2-core machine shared with other builds took over 4 min. */
    private static final Duration BOOT = Duration.ofMinutes(8);
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+), generated now and shown only this once");
    private static final int CALLS = 20;
    /** Launched once, not awaited: the first test's Custodian starts alongside (both take tens of seconds). */
    private static Keycloak sharedKeycloak;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Instant testStarted;

    @BeforeAll
    static void launchKeycloak() throws Exception {
        sharedKeycloak = new Keycloak().launch();
    }

    @AfterAll
    static void stopKeycloak() {
        if (sharedKeycloak != null) {
            sharedKeycloak.close();
        }
    }

    @BeforeEach
    void startClock() {
        testStarted = Instant.now();
    }

    @AfterEach
    void printTime(TestInfo test) {
        System.out.println("SingleSignOnIT." + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?")
                + " took " + Duration.between(testStarted, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void signInThroughKeycloakDeepLinkSignOutAndBackChannelLogout() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "portal-sso"));
        String database = SingleSignOnSetup.newDatabase("psso");
        Keycloak keycloak = sharedKeycloak;
        Map<String, String> environment = SingleSignOnSetup.environment(keycloak, work, database);
        environment.put("CUSTODIAN_DEMO_PASSWORD", "Demo-Password-1");
        environment.put("CUSTODIAN_OIDC_CLIENT_SECRET", Keycloak.CLIENT_SECRET);
        environment.put("CUSTODIAN_OIDC_DISPLAY_NAME", "Keycloak");
        environment.put("CUSTODIAN_AUTH_PASSWORD_SIGN_IN", "false");
        environment.put("CUSTODIAN_AUTH_PASSWORD_SIGN_IN_EXEMPT", "admin");
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                    + tail(server));
            keycloak.awaitReady();
            String base = server.url().toString();
            registerBackChannelLogout(keycloak, base + "api/v1/auth/oidc/backchannel-logout");
            BROWSER.base(base);
            Api api = new Api(server.url());

            // passwords are off: no form, the token endpoint refuses, the break-glass administrator still gets in
            BROWSER.open("/login.xhtml");
            assertTrue(BROWSER.driver().findElements(By.id("login:username")).isEmpty(), "no password form");
            assertEquals("Sign in with Keycloak", BROWSER.byId("sso-sign-in").getText());
            BROWSER.screenshot("sso-login");
            Reply refused = api.login("agent.eu", "Demo-Password-1");
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.body().contains("CUSTODIAN_AUTH_PASSWORD_SIGN_IN"), refused::toString);
            assertEquals(200, api.login("admin", "Demo-Password-1").status(), "the exempt administrator");
            BROWSER.open("/login.xhtml?password=true");
            assertFalse(BROWSER.driver().findElements(By.id("login:username")).isEmpty(),
                    "the break-glass form at ?password=true");

            // sign in through Keycloak's own login page: the queue, with the mapped role
            BROWSER.open("/index.xhtml");
            Instant clicked = Instant.now();
            BROWSER.byId("sso-sign-in").click();
            BROWSER.await(driver -> driver.getCurrentUrl().contains("/realms/custodian/"));
            assertTrue(BROWSER.driver().getCurrentUrl().contains("code_challenge_method=S256"),
                    BROWSER.driver().getCurrentUrl());
            Duration toKeycloak = Duration.between(clicked, Instant.now());
            BROWSER.screenshot("sso-keycloak-login");
            Instant submitted = keycloakLogin("kc-agent");
            BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
            BROWSER.byId("signed-in-as");
            Instant landed = Instant.now();
            System.out.println("Sign-in through Keycloak: click to Keycloak's form " + toKeycloak.toMillis()
                    + " ms; its form submitted to the queue " + Duration.between(submitted, landed).toMillis()
                    + " ms; click to queue (with the typing) " + Duration.between(clicked, landed).toMillis()
                    + " ms");
            assertTrue(BROWSER.byId("signed-in-as").getText().contains("Agent"),
                    BROWSER.byId("signed-in-as").getText());
            BROWSER.screenshot("sso-queue");
            assertEquals(1, count(database, "select count(*) from audit_event where action = 'LOGIN' and actor ="
                    + " 'kc-agent' and outcome = 'SUCCESS' and fields like '%method=oidc%'"));
            assertEquals(1, count(database, "select count(*) from sso_session where username = 'kc-agent' and"
                    + " sid is not null and ended_at is null"));

            // sign out: Keycloak's end-session endpoint, back at our login page; Keycloak's session ended too
            BROWSER.submit("session:signOut");
            BROWSER.await(driver -> BROWSER.path().startsWith("/login.xhtml"));
            assertTrue(BROWSER.path().contains("signedOut=true"), BROWSER.path());
            BROWSER.screenshot("sso-signed-out");
            assertEquals(0, count(database, "select count(*) from sso_session where username = 'kc-agent' and"
                    + " ended_at is null"));

            // a deep link survives the trip (Keycloak asks for the password again: its session ended above)
            BROWSER.open("/new-ticket.xhtml");
            assertTrue(BROWSER.path().startsWith("/login.xhtml?next="), BROWSER.path());
            BROWSER.byId("sso-sign-in").click();
            BROWSER.await(driver -> driver.getCurrentUrl().contains("/realms/custodian/"));
            keycloakLogin("kc-agent");
            BROWSER.await(driver -> BROWSER.path().startsWith("/new-ticket.xhtml"));
            BROWSER.screenshot("sso-deep-link");

            // back-channel logout: Keycloak's admin logs the user out, Keycloak posts a logout token here, and the
            // next page load goes to the login page
            String admin = adminToken(keycloak);
            String userId = userId(keycloak, admin, "kc-agent");
            HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + keycloak.port() + "/admin/realms/custodian/users/" + userId + "/logout"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, logout.statusCode(), logout::body);
            awaitCount(database, "select count(*) from audit_event where action = 'LOGOUT' and actor = 'kc-agent'"
                    + " and fields like '%idp-backchannel%'", 1);
            BROWSER.open("/index.xhtml");
            assertTrue(BROWSER.path().startsWith("/login.xhtml?expired=idp-logout"), BROWSER.path());
            assertTrue(BROWSER.byId("idp-logout").isDisplayed());
            BROWSER.screenshot("sso-back-channel-logout");

            // a bad logout token: 400 problem
            Reply bad = api.send("POST", "api/v1/auth/oidc/backchannel-logout", null,
                    "application/x-www-form-urlencoded", "logout_token=not.a.token");
            assertEquals(400, bad.status(), bad::toString);
            assertTrue(bad.contentType().startsWith("application/problem+json"), bad::toString);

            // the IdP answers with an error (the user cancelled there): a message, no stack trace
            BROWSER.byId("sso-sign-in").click();
            BROWSER.await(driver -> driver.getCurrentUrl().contains("/realms/custodian/"));
            String state = query(BROWSER.driver().getCurrentUrl(), "state");
            BROWSER.open("/oidc/callback?error=access_denied&state=" + state);
            assertTrue(BROWSER.byId("sso-problem").getText().contains("cancelled or refused"),
                    BROWSER.byId("sso-problem").getText());
            BROWSER.screenshot("sso-access-denied");

            // groups that map to no role: refused with the reason, no user made
            BROWSER.byId("sso-sign-in").click();
            BROWSER.await(driver -> driver.getCurrentUrl().contains("/realms/custodian/"));
            keycloakLogin("kc-nobody");
            BROWSER.await(driver -> BROWSER.path().startsWith("/login.xhtml?sso=refused"));
            assertTrue(BROWSER.byId("sso-problem").getText().contains("CUSTODIAN_OIDC_GROUP_MAP"),
                    BROWSER.byId("sso-problem").getText());
            assertEquals(0, count(database, "select count(*) from app_user where username = 'kc-nobody'"));
            endKeycloakSessions(keycloak, admin, "kc-nobody");

            // a privacy officer without MFA at Keycloak goes through our TOTP enrollment, as after a password
            BROWSER.reset();
            BROWSER.open("/login.xhtml");
            BROWSER.byId("sso-sign-in").click();
            BROWSER.await(driver -> driver.getCurrentUrl().contains("/realms/custodian/"));
            keycloakLogin("kc-privacy");
            BROWSER.await(driver -> BROWSER.path().startsWith("/enroll.xhtml"));
            BROWSER.screenshot("sso-enroll");
            assertEquals(1, count(database, "select count(*) from audit_event where action ="
                    + " 'LOGIN_IDENTITY_PROVIDER' and actor = 'kc-privacy' and fields like '%next=ENROLL%'"));
        }
    }

    @Test
    @Order(2)
    void keycloakTokensWorkWithTheMappedRolesAndForeignOnesAreRefused() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "single-sign-on"));
        String database = SingleSignOnSetup.newDatabase("sso");
        Keycloak keycloak = sharedKeycloak;
        Map<String, String> environment = SingleSignOnSetup.environment(keycloak, work, database);
        Instant launched = Instant.now();
        try (RunnableServer server = RunnableServer.start(work, environment)) {
            assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "did not start: "
                    + tail(server));
            Duration custodianStart = Duration.between(launched, Instant.now());
            keycloak.awaitReady();
            System.out.println("Custodian ready after " + custodianStart.toMillis() + " ms; the shared"
                    + " Keycloak was ready " + keycloak.startTime().toMillis() + " ms after its launch");
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
                    + " token " + idpMillis + " ms (" + (idpMillis - ownMillis) / (double) CALLS
                    + " ms per call more)");
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

    /** Fills Keycloak's own login form; returns when it was submitted. */
    private static Instant keycloakLogin(String username) {
        BROWSER.type("username", username);
        BROWSER.type("password", Keycloak.PASSWORD);
        Instant submitted = Instant.now();
        BROWSER.byId("kc-login").click();
        return submitted;
    }

    /** The client's back-channel logout URL points at this run's server (its port is chosen at start). */
    private void registerBackChannelLogout(Keycloak keycloak, String url) throws Exception {
        String admin = adminToken(keycloak);
        String clients = "http://localhost:" + keycloak.port() + "/admin/realms/custodian/clients";
        JsonObject client = Json.createReader(new StringReader(send(HttpRequest.newBuilder(URI.create(clients
                + "?clientId=" + Keycloak.CLIENT_ID)).header("Authorization", "Bearer " + admin).build(), 200)))
                .readArray().getJsonObject(0);
        JsonObjectBuilder attributes = Json.createObjectBuilder(client.getJsonObject("attributes"))
                .add("backchannel.logout.url", url).add("backchannel.logout.session.required", "true");
        JsonObject changed = Json.createObjectBuilder(client).add("attributes", attributes).build();
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.getString("id")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build(), 204);
    }

    private void endKeycloakSessions(Keycloak keycloak, String admin, String username) throws Exception {
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + keycloak.port() + "/admin/realms/custodian/users/"
                + userId(keycloak, admin, username) + "/logout")).header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 204);
    }

    private String userId(Keycloak keycloak, String admin, String username) throws Exception {
        return Json.createReader(new StringReader(send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + keycloak.port() + "/admin/realms/custodian/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + admin).build(), 200))).readArray().getJsonObject(0)
                .getString("id");
    }

    private static String adminToken(Keycloak keycloak) throws Exception {
        return keycloak.token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                "admin", "password", "admin")).getString("access_token");
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response::body);
        return response.body();
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static void awaitCount(String database, String query, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        long found = -1;
        while (Instant.now().isBefore(deadline)) {
            found = count(database, query);
            if (found == expected) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals(expected, found, query);
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
