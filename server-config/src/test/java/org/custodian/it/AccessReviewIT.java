package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Access reviews over HTTP (#22): a privacy officer opens a campaign for region EU, the supervisor who reviews
 * keeps one item and revokes others (the revoked agent's token fails at its next request), nobody reviews their
 * own access, the auditor reads everything, and the close leaves an outcome event whose digest matches the
 * campaign's record in a trail that still verifies. The users it changes are its own, so the demo users stay as
 * the other tests expect them.
 */
class AccessReviewIT extends DeployedWar {

    private static final List<String> ALL_REGIONS = List.of("EU", "US", "UK", "CA", "APAC");

    @Test
    void aCampaignRevokesAtOnceRefusesSelfReviewAndLeavesVerifiableEvidence() throws Exception {
        Api api = api();
        String s = suffix();
        String agent = "ar.agent." + s;
        String sup = "ar.sup." + s;
        String contractor = "ar.con." + s;
        createUser(agent, "AGENT", "EU");
        createUser(sup, "SUPERVISOR", "EU");
        createUser(contractor, "CONTRACTOR", "EU");
        String privacy = Tokens.forUser("privacy", "PRIVACY_OFFICER", ALL_REGIONS);
        String auditor = Tokens.forUser("auditor", "AUDITOR", List.of());
        String supToken = Tokens.forUser(sup, "SUPERVISOR", List.of("EU"));
        String agentToken = Tokens.forUser(agent, "AGENT", List.of("EU"));
        Reply grant = api.post("api/v1/access/grants", supToken, Json.createObjectBuilder().add("grantee", contractor)
                .add("categories", Json.createArrayBuilder().add("NETWORK")).add("regions", Json.createArrayBuilder()
                        .add("EU")).add("expiresAt", Instant.now().plus(Duration.ofDays(5)).toString())
                .add("reason", "network outage support").build().toString());
        assertEquals(201, grant.status(), grant.toString());
        long grantId = grant.json().getJsonNumber("id").longValue();

        String deadline = Instant.now().plus(Duration.ofDays(7)).toString();
        assertProblem(api.post("api/v1/access-reviews", agentToken, "{\"deadline\":\"" + deadline + "\"}"), 403);
        assertViolation(api.post("api/v1/access-reviews", privacy, "{\"region\":\"EU\"}"), "deadline");
        assertViolation(api.post("api/v1/access-reviews", privacy, "{\"region\":\"MARS\",\"deadline\":\"" + deadline
                + "\"}"), "region");
        assertViolation(api.post("api/v1/access-reviews", privacy, "{\"deadline\":\"" + deadline
                + "\",\"policy\":\"ignore\"}"), "policy");
        Reply opened = api.post("api/v1/access-reviews", privacy, "{\"title\":\"EU review " + s
                + "\",\"region\":\"EU\",\"deadline\":\"" + deadline + "\",\"policy\":\"escalate\"}");
        assertEquals(201, opened.status(), opened.toString());
        long id = opened.json().getJsonObject("review").getJsonNumber("id").longValue();
        assertTrue(opened.header("Location").orElseThrow().endsWith("/access-reviews/" + id));
        JsonArray items = opened.json().getJsonArray("items");
        JsonObject role = item(items, agent, "ROLE", "AGENT");
        JsonObject region = item(items, agent, "REGION", "EU");
        JsonObject contractorGrant = item(items, contractor, "GRANT", String.valueOf(grantId));
        JsonObject ownRole = item(items, sup, "ROLE", "SUPERVISOR");
        assertEquals(sup, role.getString("reviewer"), "a supervisor of the user's region reviews");
        assertEquals(sup, contractorGrant.getString("reviewer"));
        assertFalse(sup.equals(ownRole.getString("reviewer")), "never one's own access: " + ownRole);
        assertTrue(items.stream().noneMatch(i -> i.asJsonObject().getString("username").equals("agent.us")),
                "region EU only");

        // the reviewer sees the items assigned to them, nothing else
        JsonArray mine = api.get("api/v1/access-reviews/" + id, supToken).json().getJsonArray("items");
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(i -> i.asJsonObject().getString("reviewer").equals(sup)), mine.toString());

        assertEquals(200, api.get("api/v1/policy/classifications", agentToken).status());
        Reply kept = decide(api, supToken, id, role, "keep", "works EU tickets every day");
        assertEquals(200, kept.status(), kept.toString());
        assertEquals("KEPT", kept.json().getString("state"));
        assertEquals(200, api.get("api/v1/policy/classifications", agentToken).status(), "keeping changes nothing");
        Reply revoked = decide(api, supToken, id, region, "revoke", "moved to the US team");
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.json().getString("state"));
        assertEquals(401, api.get("api/v1/policy/classifications", agentToken).status(),
                "the revoked user's token ends at its next request");
        assertEquals(List.of(), Sql.texts("select r.region from app_user_region r join app_user u on u.id = r.user_id"
                + " where u.username = ?", agent));
        assertEquals(List.of("AGENT"), Sql.texts("select r.role from app_user_role r join app_user u"
                + " on u.id = r.user_id where u.username = ?", agent));
        assertEquals(200, decide(api, supToken, id, contractorGrant, "revoke", "outage is over").status());
        assertEquals(1, Sql.longValue("select count(*) from access_grant where id = ? and revoked_at is not null",
                grantId), "the grant ended through the access service");
        assertProblem(decide(api, supToken, id, region, "keep", "changed my mind"), 409);
        assertViolation(decide(api, supToken, id, contractorGrant, "maybe", "unsure"), "decision");

        // nobody reviews their own access, whatever else they may review
        Reply self = decide(api, supToken, id, ownRole, "keep", "I still need it");
        assertProblem(self, 403);
        assertTrue(self.body().contains("own access"), self.body());
        assertProblem(decide(api, Tokens.forUser("agent.us", "AGENT", List.of("US")), id, ownRole, "keep",
                "not mine to say"), 403);

        // the auditor reads every campaign and decision, and changes nothing
        assertTrue(api.get("api/v1/access-reviews", auditor).array().stream()
                .anyMatch(r -> r.asJsonObject().getJsonNumber("id").longValue() == id));
        JsonObject read = api.get("api/v1/access-reviews/" + id, auditor).json();
        JsonObject readRegion = item(read.getJsonArray("items"), agent, "REGION", "EU");
        assertEquals("moved to the US team", readRegion.getString("reason"));
        assertEquals(sup, readRegion.getString("decidedBy"));
        assertEquals(items.size(), read.getJsonArray("items").size());
        assertProblem(api.post("api/v1/access-reviews/" + id + "/close", auditor, null), 403);

        Reply closed = api.post("api/v1/access-reviews/" + id + "/close", privacy, null);
        assertEquals(200, closed.status(), closed.toString());
        assertEquals("CLOSED", closed.json().getString("state"));
        String digest = closed.json().getString("outcomeDigest");
        Reply record = api.get("api/v1/access-reviews/" + id + "/record", auditor);
        assertEquals(200, record.status(), record.toString());
        assertEquals(digest, "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(record.body().getBytes(StandardCharsets.UTF_8))), "the record is what the digest covers");
        assertTrue(record.body().contains("\tREVOKED\t" + sup + "\t"), record.body());
        assertTrue(record.body().contains("\tUNREVIEWED\t"), "undecided items are marked at the close");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'ACCESS_REVIEW_CLOSE'"
                + " and resource_id = ? and fields like ?", String.valueOf(id), "%digest=" + digest + "%"),
                "one outcome event carries the digest");
        assertEquals(3, Sql.longValue("select count(*) from audit_event where action = 'ACCESS_REVIEW_DECISION'"
                + " and outcome = 'SUCCESS' and fields like ?", "%review=" + id + ",%"));
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'ACCESS_REVIEW_DECISION'"
                + " and outcome = 'DENIED' and fields like ?", "%review=" + id + ",%") >= 2);
        assertProblem(api.post("api/v1/access-reviews/" + id + "/close", privacy, null), 409);
        assertProblem(decide(api, supToken, id, item(items, "agent.eu", "ROLE", "AGENT"), "keep", "too late now"), 409);
        JsonObject verified = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
    }

    @Test
    void theDeadlineRevokesOrEscalatesWhatNobodyDecidedAfterReminders() throws Exception {
        Api api = api();
        String s = suffix();
        String late = "ar.late." + s;
        String escalated = "ar.esc." + s;
        // scopes only these users hold (no demo user is an engineer in CA or UK)
        createUser(late, "ENGINEER", "CA");
        createUser(escalated, "ENGINEER", "UK");
        String lateToken = Tokens.forUser(late, "ENGINEER", List.of("CA"));
        String privacy = Tokens.forUser("privacy", "PRIVACY_OFFICER", ALL_REGIONS);
        String deadline = Instant.now().plusSeconds(6).toString();
        long revoking = open(api, privacy, "{\"region\":\"CA\",\"role\":\"ENGINEER\",\"deadline\":\"" + deadline
                + "\",\"policy\":\"revoke\"}");
        long escalating = open(api, privacy, "{\"region\":\"UK\",\"role\":\"ENGINEER\",\"deadline\":\"" + deadline
                + "\",\"policy\":\"escalate\"}");
        assertEquals(200, api.get("api/v1/policy/classifications", lateToken).status());

        JsonObject revoked = awaitDeadline(api, privacy, revoking);
        for (JsonValue each : revoked.getJsonArray("items")) {
            JsonObject item = each.asJsonObject();
            assertEquals("privacy", item.getString("reviewer"), "no supervisor in CA: the creator reviews");
            assertEquals("REVOKED", item.getString("state"), item.toString());
            assertEquals("system:access-review", item.getString("decidedBy"));
        }
        assertEquals(401, api.get("api/v1/policy/classifications", lateToken).status(), "the deadline ended it");
        assertEquals(List.of(), Sql.texts("select r.role from app_user_role r join app_user u on u.id = r.user_id"
                + " where u.username = ?", late));

        JsonObject kept = awaitDeadline(api, privacy, escalating);
        assertTrue(kept.getJsonArray("items").stream().allMatch(i -> i.asJsonObject().getString("state")
                .equals("ESCALATED")), kept.toString());
        assertEquals(List.of("ENGINEER"), Sql.texts("select r.role from app_user_role r join app_user u"
                + " on u.id = r.user_id where u.username = ?", escalated), "escalating keeps the access");
        String notifications = api.get("api/v1/notifications", privacy).body();
        assertTrue(notifications.contains("of access review " + escalating + " (region UK, role ENGINEER) were not"
                + " reviewed by the deadline"), notifications);
        assertTrue(notifications.contains("Reminder: 2 item(s) of access review " + revoking), notifications);
        String otherOfficer = api.get("api/v1/notifications", Tokens.forUser("ar.po." + s, "PRIVACY_OFFICER",
                ALL_REGIONS)).body();
        assertTrue(otherOfficer.contains("of access review " + escalating), "an escalation is for every officer");
        assertFalse(otherOfficer.contains("Reminder: 2 item(s) of access review " + revoking),
                "a reminder is for its reviewer only");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'ACCESS_REVIEW_DEADLINE'"
                + " and resource_id = ? and fields like '%policy=REVOKE,revoked=2'", String.valueOf(revoking)));
    }

    private static long open(Api api, String token, String json) {
        Reply opened = api.post("api/v1/access-reviews", token, json);
        assertEquals(201, opened.status(), opened.toString());
        return opened.json().getJsonObject("review").getJsonNumber("id").longValue();
    }

    private static JsonObject awaitDeadline(Api api, String token, long id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (true) {
            JsonObject review = api.get("api/v1/access-reviews/" + id, token).json();
            if (review.getJsonObject("review").containsKey("deadlineHandledAt")) {
                return review;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the deadline was not handled: " + review);
            }
            Thread.sleep(500);
        }
    }

    @Test
    void dormantAccountsAreTheQuietTheNeverSignedInAndContractorsWithoutAGrant() throws Exception {
        Api api = api();
        String s = suffix();
        String never = "ar.never." + s;
        String quiet = "ar.quiet." + s;
        String recent = "ar.recent." + s;
        String fresh = "ar.fresh." + s;
        String contractor = "ar.nogrant." + s;
        for (String user : List.of(never, quiet, recent)) {
            createUser(user, "AGENT", "US");
            Sql.update("update app_user set created_at = ? where username = ?", daysAgo(200), user);
        }
        createUser(fresh, "AGENT", "US");
        createUser(contractor, "CONTRACTOR", "EU");
        // sign-ins as the user row remembers them (set at every completed sign-in)
        Sql.update("update app_user set last_sign_in_at = ? where username = ?", daysAgo(120), quiet);
        Sql.update("update app_user set last_sign_in_at = ? where username = ?", daysAgo(3), recent);

        String auditor = Tokens.forUser("auditor", "AUDITOR", List.of());
        Reply reply = api.get("api/v1/reports/dormant-accounts?days=90", auditor);
        assertEquals(200, reply.status(), reply.toString());
        JsonArray accounts = reply.json().getJsonArray("accounts");
        assertEquals("NEVER_SIGNED_IN", reason(accounts, never));
        assertEquals("NO_SIGN_IN", reason(accounts, quiet));
        assertEquals("CONTRACTOR_NEVER_GRANTED", reason(accounts, contractor));
        assertEquals(null, reason(accounts, recent), "signed in three days ago");
        assertEquals(null, reason(accounts, fresh), "created today");
        assertEquals(90, reply.json().getInt("days"));
        assertEquals(200, api.get("api/v1/reports/dormant-accounts", Tokens.forUser("admin", "USER_ADMIN",
                List.of())).status(), "USER_READ is enough");
        assertViolation(api.get("api/v1/reports/dormant-accounts?days=0", auditor), "days");
        assertViolation(api.get("api/v1/reports/dormant-accounts?days=many", auditor), "days");
        assertProblem(api.get("api/v1/reports/dormant-accounts", Tokens.forUser("agent.us", "AGENT",
                List.of("US"))), 403);
    }

    private static OffsetDateTime daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private static String reason(JsonArray accounts, String username) {
        return accounts.stream().map(JsonValue::asJsonObject).filter(a -> a.getString("username").equals(username))
                .map(a -> a.getString("reason")).findFirst().orElse(null);
    }

    private static Reply decide(Api api, String token, long review, JsonObject item, String decision, String reason) {
        return api.post("api/v1/access-reviews/" + review + "/items/" + item.getJsonNumber("id").longValue()
                + "/decision", token, Json.createObjectBuilder().add("decision", decision).add("reason", reason)
                .build().toString());
    }

    private static JsonObject item(JsonArray items, String username, String kind, String subject) {
        return items.stream().map(JsonValue::asJsonObject).filter(i -> i.getString("username").equals(username)
                && i.getString("kind").equals(kind) && i.getString("subject").equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + subject + " of " + username + " in "
                        + items));
    }
}
