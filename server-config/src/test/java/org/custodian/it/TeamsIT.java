package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Teams and assignment (#22): teams of users per region, the "team" queue built from them, and assignments only to
 * users who may work the ticket. Each test makes its own users (a user administrator, agents) and data.
 */
class TeamsIT extends DeployedWar {

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user administrator of its own, signing in as the IdP would vouch for them. */
    private static String admin() throws Exception {
        String name = "it.admin." + suffix();
        createUser(name, "USER_ADMIN", "EU");
        return Tokens.forUser(name, "USER_ADMIN", List.of());
    }

    private static String team(Api api, String admin, String key, String region) {
        Reply created = api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", key)
                .add("name", "IT " + key).add("region", region).build().toString());
        assertEquals(201, created.status(), created.toString());
        return key;
    }

    private static Reply put(Api api, String path, String token) {
        return api.send("PUT", path, token, null, null);
    }

    private static List<String> members(Reply reply) {
        return reply.json().getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static void assertRefused(Reply reply, String field, String why) {
        assertViolation(reply, field);
        assertEquals(422, reply.status(), reply.toString());
        assertTrue(reply.body().contains(why), "'" + why + "' expected in " + reply);
    }

    @Test
    void userAdministratorsKeepTeamsOfPeopleWhoWorkTheTeamsRegion() throws Exception {
        Api api = api();
        String admin = admin();
        String s = suffix();
        String eu = "it.eu." + s;
        String us = "it.us." + s;
        String disabled = "it.off." + s;
        createUser(eu, "AGENT", "EU");
        createUser(us, "AGENT", "US");
        createUser(disabled, "AGENT", "EU");
        Sql.update("update app_user set enabled = false where username = ?", disabled);
        String key = "it-net-" + s;
        String agentEu = api.token("agent.eu");

        assertProblem(api.post("api/v1/teams", agentEu, "{\"key\":\"x-" + s + "\",\"name\":\"X\",\"region\":\"EU\"}"),
                403);
        Reply created = api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", key)
                .add("name", "EU Network").add("region", "EU").build().toString());
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/v1/teams/" + key));
        assertEquals("EU", created.json().getString("region"));
        assertEquals(List.of(), members(created));
        assertProblem(api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", key)
                .add("name", "Again").add("region", "EU").build().toString()), 409);
        assertViolation(api.post("api/v1/teams", admin, "{\"key\":\"EU Net\",\"name\":\"X\",\"region\":\"EU\"}"),
                "key");
        assertViolation(api.post("api/v1/teams", admin, "{\"key\":\"ok-" + s + "\",\"name\":\"X\",\"region\":\"MARS\"}"),
                "region");

        // members: existing, enabled, working tickets in the team's region
        Reply added = put(api, "api/v1/teams/" + key + "/members/" + eu, admin);
        assertEquals(200, added.status(), added.toString());
        assertEquals(List.of(eu), members(added));
        assertEquals(200, put(api, "api/v1/teams/" + key + "/members/" + eu, admin).status(), "adding twice is fine");
        assertRefused(put(api, "api/v1/teams/" + key + "/members/" + us, admin), "username",
                "does not work tickets in region EU");
        assertRefused(put(api, "api/v1/teams/" + key + "/members/nobody." + s, admin), "username", "is not a user");
        assertRefused(put(api, "api/v1/teams/" + key + "/members/auditor", admin), "username",
                "has no role that works tickets");
        assertRefused(put(api, "api/v1/teams/" + key + "/members/" + disabled, admin), "username", "is disabled");
        assertProblem(put(api, "api/v1/teams/no-such-" + s + "/members/" + eu, admin), 404);
        assertProblem(put(api, "api/v1/teams/" + key + "/members/agent.eu", agentEu), 403);
        assertEquals(List.of(eu), members(api.get("api/v1/teams/" + key, admin)));

        // who sees which team: the region's people, and USER_READ everywhere
        assertTrue(keys(api.get("api/v1/teams", agentEu)).contains(key));
        assertFalse(keys(api.get("api/v1/teams", api.token("agent.us"))).contains(key));
        assertProblem(api.get("api/v1/teams/" + key, api.token("agent.us")), 403);
        assertEquals(200, api.get("api/v1/teams/" + key, api.token("auditor")).status());
        assertProblem(api.get("api/v1/teams", api.token("operator")), 403);
        assertProblem(api.get("api/v1/teams/no-such-" + s, admin), 404);

        // changes: a rename; a move the members cannot follow is refused naming them
        Reply renamed = api.patch("api/v1/teams/" + key, admin, "{\"name\":\"EU Network Ops\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("EU Network Ops", renamed.json().getString("name"));
        assertRefused(api.patch("api/v1/teams/" + key, admin, "{\"region\":\"US\"}"), "region", eu);
        assertViolation(api.patch("api/v1/teams/" + key, admin, "{\"key\":\"other\"}"), "key");
        assertViolation(api.patch("api/v1/teams/" + key, admin, "{\"name\":null}"), "name");

        Reply removed = api.send("DELETE", "api/v1/teams/" + key + "/members/" + eu, admin, null, null);
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(List.of(), members(removed));
        assertProblem(api.send("DELETE", "api/v1/teams/" + key + "/members/" + eu, admin, null, null), 404);

        // every change is in the trail with what it was before and after
        assertEquals(List.of("TEAM_CREATE:key=" + key + ",name=EU Network,region=EU",
                "TEAM_MEMBER_ADD:member+=" + eu + ",members=0->1",
                "TEAM_CHANGE:name=EU Network->EU Network Ops",
                "TEAM_MEMBER_REMOVE:member-=" + eu + ",members=1->0"),
                Sql.texts("select action || ':' || fields from audit_event where resource_type = 'TEAM'"
                        + " and resource_id = ? and outcome = 'SUCCESS' order by sequence", key));
    }

    @Test
    void theTeamQueueHoldsTheTicketsOfTheCallersTeamsOnly() throws Exception {
        Api api = api();
        String admin = admin();
        String s = suffix();
        String first = "it.q1." + s;
        String second = "it.q2." + s;
        String outsider = "it.q3." + s;
        for (String user : List.of(first, second, outsider)) {
            createUser(user, "AGENT", "EU");
        }
        String key = team(api, admin, "it-q-" + s, "EU");
        for (String member : List.of(first, second)) {
            assertEquals(200, put(api, "api/v1/teams/" + key + "/members/" + member, admin).status());
        }
        String agentEu = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agentEu, "EU");
        for (String assignee : List.of(first, second, outsider)) {
            Reply ticket = api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customer)
                    .add("subject", "Queue " + s + " " + assignee).add("description", "Team queue test.")
                    .add("category", "SOFTWARE").add("assignee", assignee).build().toString());
            assertEquals(201, ticket.status(), ticket.toString());
        }

        // another EU agent in no team of theirs is not in the team queue, although they share the region
        assertEquals(List.of(first, second), assignees(api.get("api/v1/tickets?assignee=team&q=" + s,
                Tokens.forUser(first, "AGENT", List.of("EU")))));
        assertEquals(List.of(first, second), assignees(api.get("api/v1/tickets?assignee=team:" + key + "&q=" + s,
                agentEu)), "one team's queue, for anyone who sees the team");
        assertEquals(List.of(outsider), assignees(api.get("api/v1/tickets?assignee=team&q=" + s,
                Tokens.forUser(outsider, "AGENT", List.of("EU")))), "in no team: the team queue is one's own");
        assertViolation(api.get("api/v1/tickets?assignee=team:no-such-" + s, agentEu), "assignee");
        assertViolation(api.get("api/v1/tickets?assignee=team:" + key, api.token("agent.us")), "assignee");
    }

    @Test
    void ticketsAreAssignedOnlyToUsersWhoMayWorkThem() throws Exception {
        Api api = api();
        String s = suffix();
        String disabled = "it.gone." + s;
        createUser(disabled, "AGENT", "EU");
        Sql.update("update app_user set enabled = false where username = ?", disabled);
        String agentEu = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agentEu, "EU");
        long id = TestData.createTicket(api, agentEu, customer, "Assignment " + s);
        String path = "api/v1/tickets/" + id;

        assertRefused(api.patch(path, agentEu, "{\"assignee\":\"nobody." + s + "\"}"), "assignee",
                "'nobody." + s + "' cannot be assigned this ticket: unknown user");
        assertRefused(api.patch(path, agentEu, "{\"assignee\":\"agent.us\"}"), "assignee",
                "'agent.us' cannot be assigned this ticket: cannot work tickets in region EU");
        assertRefused(api.patch(path, agentEu, "{\"assignee\":\"auditor\"}"), "assignee",
                "their roles (AUDITOR) do not allow TICKET_WRITE");
        assertRefused(api.patch(path, agentEu, "{\"assignee\":\"" + disabled + "\"}"), "assignee", "disabled");
        assertRefused(api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", "Opened for US " + s).add("description", "x").add("category", "SOFTWARE")
                .add("assignee", "agent.us").build().toString()), "assignee", "cannot work tickets in region EU");
        JsonValue unassigned = api.get(path, agentEu).json().get("assignee");
        assertTrue(unassigned == null || unassigned == JsonValue.NULL, "nothing was assigned: " + unassigned);

        Reply assigned = api.patch(path, agentEu, "{\"assignee\":\"engineer\"}");
        assertEquals(200, assigned.status(), assigned.toString());
        assertEquals("engineer", assigned.json().getString("assignee"));
        assertEquals(200, api.patch(path, agentEu, "{\"assignee\":\"agent.eu\"}").status());

        // an assignee set earlier stays valid for other changes (it is checked when set or changed)
        String leaver = "it.leaver." + s;
        createUser(leaver, "AGENT", "EU");
        assertEquals(200, api.patch(path, agentEu, "{\"assignee\":\"" + leaver + "\"}").status());
        Sql.update("update app_user set enabled = false where username = ?", leaver);
        assertEquals(200, api.patch(path, agentEu, "{\"priority\":\"HIGH\"}").status());
        assertEquals(200, api.patch(path, agentEu, "{\"assignee\":null}").status(), "unassigning is always fine");

        // the users an assignment accepts, for the portal's picker
        Reply assignable = api.get(path + "/assignable-users", agentEu);
        assertEquals(200, assignable.status(), assignable.toString());
        List<String> usernames = assignable.array().getValuesAs(JsonObject.class).stream()
                .map(user -> user.getString("username")).toList();
        assertTrue(usernames.containsAll(List.of("agent.eu", "engineer", "supervisor")), usernames.toString());
        for (String refused : List.of("agent.us", "auditor", "privacy", "contractor", disabled, leaver)) {
            assertFalse(usernames.contains(refused), refused + " in " + usernames);
        }
        assertEquals("Eva Agent (EU)", assignable.array().getValuesAs(JsonObject.class).stream()
                .filter(user -> user.getString("username").equals("agent.eu")).findFirst().orElseThrow()
                .getString("displayName"));
        assertProblem(api.get(path + "/assignable-users", api.token("agent.us")), 403);

        // subject requests go only to people who may work them
        String privacy = api.token("privacy");
        Reply request = api.post("api/v1/privacy/requests", privacy, Json.createObjectBuilder().add("type", "ACCESS")
                .add("email", "subject." + s + "@example.com").build().toString());
        assertEquals(201, request.status(), request.toString());
        String assign = "api/v1/privacy/requests/" + request.json().getJsonNumber("id") + "/assign";
        assertRefused(api.post(assign, privacy, "{\"assignee\":\"agent.eu\"}"), "assignee",
                "do not allow PRIVACY_REQUEST_MANAGE");
        assertRefused(api.post(assign, privacy, "{\"assignee\":\"nobody." + s + "\"}"), "assignee", "unknown user");
        Reply handled = api.post(assign, privacy, "{\"assignee\":\"privacy\"}");
        assertEquals(200, handled.status(), handled.toString());
        assertEquals("privacy", handled.json().getString("assignee"));
    }

    private static List<String> keys(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().getValuesAs(JsonObject.class).stream().map(team -> team.getString("key")).toList();
    }

    private static List<String> assignees(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        JsonArray items = reply.json().getJsonArray("items");
        return items.getValuesAs(JsonObject.class).stream().map(ticket -> ticket.getString("assignee")).sorted()
                .toList();
    }
}
