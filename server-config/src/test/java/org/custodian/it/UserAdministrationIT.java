package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * User administration over the API as the demo user administrator {@code admin} and the privacy officer do it:
 * create, invite, accept, four eyes for guarded roles, disable; and the invitation page in a browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserAdministrationIT extends DeployedWar {

    private static final String GOOD_PASSWORD = "a long and fine passphrase";

    @RegisterExtension
    static final Browser BROWSER = new Browser().freshEachTest();

    @Test
    @Order(1)
    void anAgentMayNeitherListNorCreateUsers() {
        Api api = api();
        String agent = api.token("agent.eu");
        assertProblem(api.get("api/v1/users", agent), 403);
        assertProblem(api.post("api/v1/users", agent, newUser("it.by-agent", List.of("AGENT"))), 403);
        assertProblem(api.get("api/v1/role-grant-requests", agent), 403);
        Reply admins = api.get("api/v1/users?role=USER_ADMIN&active=true", api.token("admin"));
        assertEquals(200, admins.status(), admins.toString());
        List<String> names = admins.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("username")).toList();
        assertTrue(names.contains("admin"), "the demo seed has a user administrator: " + names);
        assertTrue(admins.json().getJsonArray("items").stream().allMatch(item -> strings(item.asJsonObject()
                .getJsonArray("roles")).contains("USER_ADMIN")), "the role filter holds: " + admins.body());
        assertViolation(api.get("api/v1/users?role=WIZARD", api.token("admin")), "role");
    }

    @Test
    @Order(2)
    void aCreatedUserIsInvitedSetsAPasswordAndSignsIn() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        String name = "it.new." + suffix();
        Reply created = api.post("api/v1/users", admin, newUser(name, List.of("AGENT")));
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").orElse("").endsWith("/api/v1/users/" + name), created.toString());
        JsonObject user = created.json();
        assertEquals(List.of("AGENT"), strings(user.getJsonArray("roles")));
        assertEquals("Europe/Berlin", user.getString("timeZone"));
        assertEquals("de", user.getString("locale"));
        assertFalse(user.getBoolean("passwordSet"), "no password until the invitation is accepted");
        assertEquals(401, api.login(name, GOOD_PASSWORD).status(), "no password before the invitation");
        assertEquals(401, api.login(name, "!none").status(), "the placeholder is no password");

        // the audit event keeps personal values as keyed hashes
        String fields = Sql.text("select fields from audit_event where action = 'USER_CREATE' and resource_id = ?",
                name);
        assertTrue(fields.matches(".*email=hmac:[0-9a-f]{32}.*") && !fields.contains("@example.com"), fields);
        assertTrue(fields.contains("displayName=hmac:") && fields.contains("roles=AGENT"), fields);

        JsonObject invitation = invite(api, admin, name);
        assertTrue(invitation.getString("url").endsWith("/invitation.xhtml?token=" + invitation.getString("token")),
                invitation.toString());
        assertEquals(0, Sql.longValue("select count(*) from user_invitation where token_hash = ?",
                invitation.getString("token")), "only a keyed hash of the token is kept");
        String token = invitation.getString("token");
        assertViolation(accept(api, token, "short"), "password");
        Reply accepted = accept(api, token, GOOD_PASSWORD);
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals(name, accepted.json().getString("username"));
        assertFalse(accepted.json().getBoolean("secondFactorRequired"), "an agent needs no second factor");

        Reply login = api.login(name, GOOD_PASSWORD);
        assertEquals(200, login.status(), login.toString());
        String userToken = login.json().getString("access_token");
        assertEquals(200, api.get("api/v1/tickets", userToken).status(), "the new agent's token works");
        JsonObject read = api.get("api/v1/users/" + name, admin).json();
        assertTrue(read.getBoolean("passwordSet"));
        assertTrue(read.containsKey("lastSignInAt"), "the sign-in is recorded: " + read);

        Reply again = accept(api, token, GOOD_PASSWORD);
        assertProblem(again, 410);
        assertTrue(again.json().getString("detail").contains("used already"), again.toString());

        // the account's history is in the access reports
        Reply history = api.get("api/v1/reports/access/users/" + name, api.token("auditor"));
        assertEquals(200, history.status(), history.toString());
        List<String> actions = history.json().getJsonArray("events").stream()
                .map(event -> event.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("USER_CREATE", "INVITATION_CREATE", "INVITATION_ACCEPT", "LOGIN")),
                actions.toString());
    }

    @Test
    @Order(3)
    void badInputIsNamedAndDuplicatesConflict() {
        Api api = api();
        String admin = api.token("admin");
        String name = "it.dup." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(name, List.of("AGENT"))).status());
        Reply duplicate = api.post("api/v1/users", admin, newUser(name, List.of("AGENT")));
        assertProblem(duplicate, 409);
        assertTrue(duplicate.json().getString("detail").contains(name), duplicate.toString());

        Reply unknownRole = api.post("api/v1/users", admin, newUser("it.role." + suffix(), List.of("AGENT", "WIZARD")));
        assertViolation(unknownRole, "roles");
        assertTrue(unknownRole.body().contains("WIZARD"), unknownRole.toString());
        Reply unknownRegion = api.post("api/v1/users", admin, Json.createObjectBuilder()
                .add("username", "it.region." + suffix()).add("displayName", "Region Test")
                .add("email", "region." + suffix() + "@example.com").add("roles", Json.createArrayBuilder().add("AGENT"))
                .add("regions", Json.createArrayBuilder().add("MARS")).build().toString());
        assertViolation(unknownRegion, "regions");
        assertTrue(unknownRegion.body().contains("MARS"), unknownRegion.toString());
        Reply bad = api.post("api/v1/users", admin, Json.createObjectBuilder().add("username", "Not Valid")
                .add("displayName", "Bad").add("email", "not-an-address").add("timeZone", "+02:00")
                .add("roles", Json.createArrayBuilder()).build().toString());
        assertViolation(bad, "username");
        assertViolation(bad, "email");
        assertViolation(bad, "timeZone");
        assertTrue(bad.body().contains("IANA"), "says what is right: " + bad);
        assertViolation(api.patch("api/v1/users/" + name, admin, "{\"locale\":\"fr\"}"), "locale");
        assertProblem(api.patch("api/v1/users/nobody-" + suffix(), admin, "{\"locale\":\"de\"}"), 404);
    }

    @Test
    @Order(4)
    void aSupervisorGrantNeedsASecondPersonAndRemovalRevokesTokens() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        String name = "it.sup." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(name, List.of("AGENT"))).status());
        accept(api, invite(api, admin, name).getString("token"), GOOD_PASSWORD);

        Reply patched = api.patch("api/v1/users/" + name, admin, "{\"roles\":[\"AGENT\",\"SUPERVISOR\"]}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(List.of("AGENT"), strings(patched.json().getJsonArray("roles")), "not given yet");
        assertEquals(List.of("SUPERVISOR"), strings(patched.json().getJsonArray("pendingRoles")));
        long requestId = patched.json().getJsonArray("grantRequests").getJsonObject(0).getJsonNumber("id")
                .longValue();
        assertFalse(groups(token(api, name)).contains("SUPERVISOR"), "a pending role is in no token");

        Reply listed = api.get("api/v1/role-grant-requests?username=" + name, api.token("privacy"));
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(1, listed.json().getJsonArray("items").size(), listed.toString());

        Reply byRequester = api.post("api/v1/role-grant-requests/" + requestId + "/approve", admin, null);
        assertProblem(byRequester, 403);
        String subjectToken = token(api, name);
        assertProblem(api.post("api/v1/role-grant-requests/" + requestId + "/approve", subjectToken, null), 403);

        Reply approved = api.post("api/v1/role-grant-requests/" + requestId + "/approve", api.token("privacy"), null);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().getString("status"));
        assertEquals(List.of("AGENT", "SUPERVISOR"),
                strings(api.get("api/v1/users/" + name, admin).json().getJsonArray("roles")));
        String supervisorToken = token(api, name);
        assertTrue(groups(supervisorToken).contains("SUPERVISOR"), "the user's new token carries the role");
        assertProblem(api.post("api/v1/role-grant-requests/" + requestId + "/approve", api.token("privacy"), null),
                409);

        // taking the role away works at once and ends the tokens that carry it
        Reply removed = api.patch("api/v1/users/" + name, admin, "{\"roles\":[\"AGENT\"]}");
        assertEquals(List.of("AGENT"), strings(removed.json().getJsonArray("roles")), removed.toString());
        assertProblem(api.get("api/v1/tickets", supervisorToken), 401);

        // nobody changes their own roles or disables themselves
        assertProblem(api.patch("api/v1/users/admin", admin, "{\"roles\":[\"USER_ADMIN\",\"OPERATOR\"]}"), 403);
        assertProblem(api.post("api/v1/users/admin/disable", admin, "{\"reason\":\"testing self\"}"), 403);
        assertTrue(Sql.text("select fields from audit_event where action = 'ROLE_GRANT_APPROVE' and resource_id = ?"
                + " and outcome = 'SUCCESS'", name).contains("roles=AGENT->AGENT+SUPERVISOR"));
    }

    @Test
    @Order(5)
    void disablingEndsTokensAndSignInAtOnce() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        String name = "it.leaver." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(name, List.of("AGENT"))).status());
        accept(api, invite(api, admin, name).getString("token"), GOOD_PASSWORD);
        String token = token(api, name);
        assertEquals(200, api.get("api/v1/tickets", token).status());

        Reply disabled = api.post("api/v1/users/" + name + "/disable", admin, "{\"reason\":\"left the company\"}");
        assertEquals(200, disabled.status(), disabled.toString());
        assertFalse(disabled.json().getBoolean("active"));
        assertEquals("left the company", disabled.json().getString("disabledReason"));
        assertProblem(api.get("api/v1/tickets", token), 401);
        assertEquals(401, api.login(name, GOOD_PASSWORD).status(), "password sign-in is refused");
        assertProblem(api.post("api/v1/users/" + name + "/disable", admin, "{\"reason\":\"left the company\"}"), 409);
        assertTrue(Sql.text("select fields from audit_event where action = 'USER_DISABLE' and resource_id = ?", name)
                .matches("reason=hmac:[0-9a-f]{32}"));
        Reply inactive = api.get("api/v1/users?active=false&q=" + name, admin);
        assertEquals(1, inactive.json().getJsonNumber("total").longValue(), inactive.toString());
    }

    @Test
    @Order(6)
    void expiredAndReplacedInvitationsAreGone() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        String name = "it.late." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(name, List.of("AGENT"))).status());
        String first = invite(api, admin, name).getString("token");
        String second = invite(api, admin, name).getString("token");
        Reply replaced = accept(api, first, GOOD_PASSWORD);
        assertProblem(replaced, 410);
        assertTrue(replaced.json().getString("detail").contains("replaced"), replaced.toString());

        Sql.update("update user_invitation set expires_at = now() - interval '1 minute' where username = ?", name);
        Reply expired = accept(api, second, GOOD_PASSWORD);
        assertProblem(expired, 410);
        assertTrue(expired.json().getString("detail").contains("expired"), expired.toString());
        assertProblem(accept(api, "never-issued-" + suffix(), GOOD_PASSWORD), 404);
        assertEquals(401, api.login(name, GOOD_PASSWORD).status(), "no password was set");
    }

    @Test
    @Order(7)
    void theInvitationPageSetsThePasswordAndSignsInOrLeadsToEnrollment() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        String agent = "it.page." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(agent, List.of("AGENT"))).status());
        URI link = URI.create(invite(api, admin, agent).getString("url"));
        BROWSER.open(link.getRawPath() + "?" + link.getRawQuery());
        BROWSER.type("invitation:password", GOOD_PASSWORD);
        BROWSER.type("invitation:repeated", GOOD_PASSWORD + " but different");
        BROWSER.submit("invitation:submit");
        assertTrue(BROWSER.byId("messages").getText().contains("differ"), BROWSER.byId("messages").getText());
        BROWSER.type("invitation:password", GOOD_PASSWORD);
        BROWSER.type("invitation:repeated", GOOD_PASSWORD);
        screenshot("invitation-form");
        BROWSER.submit("invitation:submit");
        assertEquals("/index.xhtml", BROWSER.path(), "signed in on the queue");
        assertTrue(BROWSER.byId("signed-in-as").getText().contains("Test User"), BROWSER.byId("signed-in-as").getText());
        screenshot("invitation-signed-in");

        // disabling ends the portal session at its next request
        assertEquals(200, api.post("api/v1/users/" + agent + "/disable", admin, "{\"reason\":\"test of the session\"}")
                .status());
        BROWSER.open("/index.xhtml");
        assertTrue(BROWSER.path().startsWith("/login.xhtml?expired=revoked"), BROWSER.path());

        // a role that signs in with a second factor goes on to enroll it
        BROWSER.reset();
        String operator = "it.op." + suffix();
        assertEquals(201, api.post("api/v1/users", admin, newUser(operator, List.of("OPERATOR"))).status());
        link = URI.create(invite(api, admin, operator).getString("url"));
        BROWSER.open(link.getRawPath() + "?" + link.getRawQuery());
        BROWSER.type("invitation:password", GOOD_PASSWORD);
        BROWSER.type("invitation:repeated", GOOD_PASSWORD);
        BROWSER.submit("invitation:submit");
        assertEquals("/enroll.xhtml", BROWSER.path(), "an operator enrolls a second factor next");
        screenshot("invitation-enroll");
        // the used link is gone
        BROWSER.reset();
        BROWSER.open(link.getRawPath() + "?" + link.getRawQuery());
        BROWSER.type("invitation:password", GOOD_PASSWORD);
        BROWSER.type("invitation:repeated", GOOD_PASSWORD);
        BROWSER.submit("invitation:submit");
        assertTrue(BROWSER.byId("messages").getText().contains("used already"), BROWSER.byId("messages").getText());
        Sql.update("delete from user_second_factor where username = ?", operator);
    }

    private static String newUser(String username, List<String> roles) {
        var roleArray = Json.createArrayBuilder();
        roles.forEach(roleArray::add);
        return Json.createObjectBuilder().add("username", username).add("displayName", "Test User " + username)
                .add("email", username + "@example.com").add("roles", roleArray)
                .add("regions", Json.createArrayBuilder().add("EU")).add("timeZone", "Europe/Berlin")
                .add("locale", "de").build().toString();
    }

    private static JsonObject invite(Api api, String admin, String username) {
        Reply reply = api.post("api/v1/users/" + username + "/invitation", admin, null);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static Reply accept(Api api, String token, String password) {
        return api.post("api/v1/invitations/accept", null, Json.createObjectBuilder().add("token", token)
                .add("password", password).build().toString());
    }

    private static String token(Api api, String username) {
        Reply login = api.login(username, GOOD_PASSWORD);
        assertEquals(200, login.status(), login.toString());
        return login.json().getString("access_token");
    }

    private static List<String> groups(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return strings(reader.readObject().getJsonArray("groups"));
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .sorted().toList();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void screenshot(String name) throws Exception {
        Path directory = Path.of("target", "portal-screenshots");
        Files.createDirectories(directory);
        File shot = ((TakesScreenshot) BROWSER.driver()).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
