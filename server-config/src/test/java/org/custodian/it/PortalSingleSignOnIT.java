package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.List;
import java.util.Map;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The portal's "Sign in with Keycloak" in headless Chromium against a real Keycloak (#22): the code flow with PKCE
 * through Keycloak's own login page, the mapped roles in the queue, a deep link that survives the trip, sign-out
 * through Keycloak's end-session endpoint, a back-channel logout (Keycloak's admin API logs the user out, Keycloak
 * posts the logout token here) ending the portal session, an IdP error shown as a message, our TOTP enrollment after
 * an IdP sign-in without MFA, and password sign-in turned off except for the break-glass administrator.
 */
class PortalSingleSignOnIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final Duration BOOT = Duration.ofMinutes(4);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void signInThroughKeycloakDeepLinkSignOutAndBackChannelLogout() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "portal-sso"));
        String database = SingleSignOnSetup.newDatabase("psso");
        try (Keycloak keycloak = new Keycloak().launch()) {
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


    private static long count(String database, String query) throws Exception {
        try (Connection sql = DriverManager.getConnection(SingleSignOnSetup.url(database), "postgres", "postgres");
                Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String tail(RunnableServer server) {
        List<String> lines = server.console();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
