package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Team assignment (#23): a ticket routed to a team of its region whose members may work it, a person only from that
 * team, a team change that takes off a person outside the new team (said in the reply and the history), and the
 * team queues holding the team's unassigned work. Each test makes its own users, teams and tickets.
 */
class TeamAssignmentIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String admin() throws Exception {
        String name = "it.tadmin." + suffix();
        createUser(name, "USER_ADMIN", "EU");
        return Tokens.forUser(name, "USER_ADMIN", List.of());
    }

    /** A team with these members (made by a user administrator, as in production). */
    private static String team(Api api, String admin, String key, String name, String region, String... members) {
        Reply created = api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", key).add("name", name)
                .add("region", region).build().toString());
        assertEquals(201, created.status(), created.toString());
        for (String member : members) {
            Reply added = api.send("PUT", "api/v1/teams/" + key + "/members/" + member, admin, null, null);
            assertEquals(200, added.status(), added.toString());
        }
        return key;
    }

    private static void assertRefused(Reply reply, String field, String why) {
        assertEquals(422, reply.status(), reply.toString());
        assertViolation(reply, field);
        assertTrue(reply.body().contains(why), "'" + why + "' expected in " + reply);
    }

    private static boolean isNull(JsonObject json, String field) {
        return !json.containsKey(field) || json.get(field) == JsonValue.NULL;
    }

    private static List<Long> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(ticket -> ticket.getJsonNumber("id").longValue()).toList();
    }

    @Test
    void aTicketGoesToATeamOfItsRegionAndThenToOneOfItsMembers() throws Exception {
        Api api = api();
        String admin = admin();
        String s = suffix();
        String anna = "it.anna." + s;
        String ben = "it.ben." + s;
        String outsider = "it.out." + s;
        String usAgent = "it.usa." + s;
        createUser(anna, "AGENT", "EU");
        createUser(ben, "AGENT", "EU");
        createUser(outsider, "AGENT", "EU");
        createUser(usAgent, "AGENT", "US");
        String network = team(api, admin, "it-net-" + s, "IT Network " + s, "EU", anna);
        String billing = team(api, admin, "it-bill-" + s, "IT Billing " + s, "EU", ben);
        String usTeam = team(api, admin, "it-us-" + s, "IT US " + s, "US", usAgent);
        String empty = team(api, admin, "it-empty-" + s, "IT Empty " + s, "EU");
        String agentEu = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agentEu, "EU");
        long id = TestData.createTicket(api, agentEu, customer, "Team routing " + s);
        String path = "api/v1/tickets/" + id;

        // refused, in the user's words, naming the field
        assertRefused(api.patch(path, agentEu, "{\"team\":\"" + usTeam + "\"}"), "team",
                "works tickets in region US, and this ticket is in region EU");
        assertRefused(api.patch(path, agentEu, "{\"team\":\"no-such-" + s + "\"}"), "team", "there is no team");
        assertRefused(api.patch(path, agentEu, "{\"team\":\"" + empty + "\"}"), "team", "nobody in the team");
        assertRefused(api.patch(path, agentEu, "{\"team\":\"" + network + "\",\"assignee\":\"" + outsider + "\"}"),
                "assignee", "'" + outsider + "' is not a member of the team 'IT Network " + s + "'");
        assertTrue(isNull(api.get(path, agentEu).json(), "team"), "nothing was routed");

        // the team alone: its unassigned work
        Reply routed = api.patch(path, agentEu, "{\"team\":\"" + network + "\"}");
        assertEquals(200, routed.status(), routed.toString());
        assertEquals(network, routed.json().getJsonObject("team").getString("key"));
        assertEquals("IT Network " + s, routed.json().getJsonObject("team").getString("name"));
        assertTrue(isNull(routed.json(), "assignee"));
        assertEquals(network, api.get(path, agentEu).json().getJsonObject("team").getString("key"));

        // the queues: the team's queue and its members' team queue hold it; "unassigned" too; an outsider's not
        assertTrue(ids(api.get("api/v1/tickets?assignee=team:" + network + "&q=" + s, agentEu)).contains(id));
        assertTrue(ids(api.get("api/v1/tickets?assignee=team&q=" + s, Tokens.forUser(anna, "AGENT", List.of("EU"))))
                .contains(id), "the member's team queue holds the team's unassigned ticket");
        assertTrue(ids(api.get("api/v1/tickets?assignee=unassigned&q=" + s, agentEu)).contains(id));
        assertFalse(ids(api.get("api/v1/tickets?assignee=team&q=" + s, Tokens.forUser(outsider, "AGENT",
                List.of("EU")))).contains(id), "not in the team: not in their team queue");
        assertFalse(ids(api.get("api/v1/tickets?assignee=team:" + billing + "&q=" + s, agentEu)).contains(id));

        // who may work it: the teams of its region with a member who may, and the people
        Reply assignable = api.get(path + "/assignable", agentEu);
        assertEquals(200, assignable.status(), assignable.toString());
        List<String> teamKeys = assignable.json().getJsonArray("teams").getValuesAs(JsonObject.class).stream()
                .map(team -> team.getString("key")).toList();
        assertTrue(teamKeys.containsAll(List.of(network, billing)), teamKeys.toString());
        assertFalse(teamKeys.contains(usTeam), teamKeys.toString());
        assertFalse(teamKeys.contains(empty), teamKeys.toString());
        assertTrue(assignable.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .anyMatch(user -> user.getString("username").equals(anna)), assignable.toString());
        assertProblem(api.get(path + "/assignable", api.token("agent.us")), 403);

        // a member takes it; someone outside the team may not be given it while the team has it
        assertRefused(api.patch(path, agentEu, "{\"assignee\":\"" + outsider + "\"}"), "assignee",
                "is not a member of the team");
        Reply taken = api.patch(path, Tokens.forUser(anna, "AGENT", List.of("EU")), "{\"assignee\":\"" + anna + "\"}");
        assertEquals(200, taken.status(), taken.toString());
        assertEquals(anna, taken.json().getString("assignee"));
        assertFalse(ids(api.get("api/v1/tickets?assignee=unassigned&q=" + s, agentEu)).contains(id));
        assertTrue(ids(api.get("api/v1/tickets?assignee=team:" + network + "&q=" + s, agentEu)).contains(id));

        // another team: the person who is not in it is taken off, and the reply says so
        Reply moved = api.patch(path, agentEu, "{\"team\":\"" + billing + "\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals(billing, moved.json().getJsonObject("team").getString("key"));
        assertTrue(isNull(moved.json(), "assignee"), moved.toString());
        assertTrue(moved.json().getString("notice").contains("'" + anna + "' is not a member of the team 'IT Billing "
                + s + "' and is no longer assigned"), moved.toString());

        // the history shows the team changes, with the person taken off in the same entry
        Reply history = api.get(path + "/history", agentEu);
        assertEquals(200, history.status(), history.toString());
        List<JsonObject> changes = history.array().getValuesAs(JsonObject.class).stream()
                .flatMap(entry -> entry.getJsonArray("changes").getValuesAs(JsonObject.class).stream()).toList();
        assertTrue(changes.stream().anyMatch(change -> "team".equals(change.getString("field"))
                && isNull(change, "from") && network.equals(change.getString("to"))), changes.toString());
        JsonObject last = history.array().getJsonObject(history.array().size() - 1);
        assertEquals(List.of("assignee:" + anna + "->null", "team:" + network + "->" + billing),
                last.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                        .map(change -> change.getString("field") + ":" + (isNull(change, "from") ? "null"
                                : change.getString("from")) + "->" + (isNull(change, "to") ? "null"
                                : change.getString("to"))).sorted().toList(), last.toString());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where resource_type = 'TICKET'"
                + " and resource_id = ? and action = 'TICKET_UPDATE' and fields like ?", String.valueOf(id),
                "%team=" + network + "->" + billing + "%"));

        // no team again: the ticket keeps no person, and a person alone works as before
        Reply cleared = api.patch(path, agentEu, "{\"team\":null,\"assignee\":\"" + outsider + "\"}");
        assertEquals(200, cleared.status(), cleared.toString());
        assertTrue(isNull(cleared.json(), "team"));
        assertEquals(outsider, cleared.json().getString("assignee"));
    }

    @Test
    void aNewTicketMayBeOpenedForATeamAndOneOfItsMembers() throws Exception {
        Api api = api();
        String admin = admin();
        String s = suffix();
        String member = "it.mem." + s;
        String other = "it.oth." + s;
        createUser(member, "AGENT", "EU");
        createUser(other, "AGENT", "EU");
        String key = team(api, admin, "it-new-" + s, "IT New " + s, "EU", member);
        String agentEu = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agentEu, "EU");

        assertRefused(api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", "Opened " + s).add("description", "x").add("category", "SOFTWARE").add("team", key)
                .add("assignee", other).build().toString()), "assignee", "is not a member of the team");
        Reply opened = api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", "Opened " + s).add("description", "x").add("category", "SOFTWARE").add("team", key)
                .add("assignee", member).build().toString());
        assertEquals(201, opened.status(), opened.toString());
        assertEquals(key, opened.json().getJsonObject("team").getString("key"));
        assertEquals(member, opened.json().getString("assignee"));
        long id = opened.json().getJsonNumber("id").longValue();
        assertTrue(Sql.texts("select fields from audit_event where action = 'TICKET_CREATE' and resource_id = ?",
                String.valueOf(id)).get(0).contains("team"));

        // the team stays through the lifecycle: resolved, closed, and then no more changes of it
        String path = "api/v1/tickets/" + id;
        assertEquals(200, api.patch(path, agentEu, "{\"status\":\"RESOLVED\"}").status());
        Reply closed = api.patch(path, agentEu, "{\"status\":\"CLOSED\"}");
        assertEquals(200, closed.status(), closed.toString());
        assertEquals(key, closed.json().getJsonObject("team").getString("key"));
        assertEquals(422, api.patch(path, agentEu, "{\"team\":null}").status(), "a closed ticket keeps its team");
    }

    /**
     * In the portal: the ticket's picker offers the agent's team (the demo team EU Support) besides people; routed to
     * it, the ticket shows the team, the queue's Team column shows it among the unassigned, and a member takes it.
     */
    @Test
    void thePickerOffersTeamsAndTheQueueShowsTheTeam() throws Exception {
        BROWSER.base(base.toString());
        Api api = api();
        String agent = api.token("agent.eu");
        String marker = "teampick" + suffix();
        long customer = TestData.createCustomer(api, agent, "EU");
        long id = TestData.createTicket(api, agent, customer, "Routed " + marker);
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));

        BROWSER.open("/ticket.xhtml?id=" + id);
        Select picker = new Select(BROWSER.byId("edit:assignee"));
        List<String> values = picker.getOptions().stream().map(option -> option.getAttribute("value")).toList();
        assertTrue(values.contains("team:eu-support"), "the team is offered: " + values);
        assertFalse(values.contains("team:us-support"), "not a team of another region: " + values);
        assertTrue(values.contains("agent.eu"), "people still are: " + values);
        assertEquals("Teams", BROWSER.driver().findElements(By.cssSelector("[id='edit:assignee'] optgroup")).get(0)
                .getAttribute("label"));
        BROWSER.type("edit:assignee", "team:eu-support");
        BROWSER.submit("edit:save");
        assertEquals("EU Support", BROWSER.byId("field-team").getText());
        assertEquals("eu-support", Sql.text("select t.team_key from ticket k join team t on t.id = k.assigned_team_id"
                + " where k.id = ?", id));
        assertTrue(BROWSER.byId("take:takeIt").isDisplayed(), "a member may take the team's ticket");
        String history = BROWSER.byId("history").getText();
        assertTrue(history.contains("Team: EU Support"), "the history names the team: " + history);
        BROWSER.screenshot("team-assignment-ticket");

        BROWSER.open("/index.xhtml?queue=unassigned&q=" + marker);
        WebElement row = BROWSER.find("#tickets tbody tr");
        assertTrue(row.getText().contains("EU Support"), row.getText());
        assertEquals("EU Support", row.findElement(By.cssSelector("td.team")).getText());
        assertTrue(BROWSER.find("#tickets thead").getText().contains("Team"));
        BROWSER.screenshot("team-assignment-queue");

        BROWSER.open("/ticket.xhtml?id=" + id);
        BROWSER.submit("take:takeIt");
        assertEquals("agent.eu", Sql.text("select assignee from ticket where id = ?", id));
        assertEquals("EU Support", BROWSER.byId("field-team").getText(), "taken within the team");
        assertTrue(BROWSER.driver().findElements(By.id("take:takeIt")).isEmpty(), "taken: no more Take it");

        // New ticket: the same picker, a team of the customer's region offered as a whole
        BROWSER.open("/new-ticket.xhtml?customer=" + customer);
        BROWSER.type("newTicket:subject", "New for the team " + marker);
        BROWSER.type("newTicket:description", "Routed when opened.");
        BROWSER.type("newTicket:category", "NETWORK");
        BROWSER.await(driver -> optionValues("newTicket:assignee").contains("team:eu-support"));
        assertFalse(optionValues("newTicket:assignee").contains("team:us-support"), "not a team of another region");
        assertEquals("Team or person", BROWSER.find("label[for='newTicket:assignee']").getText().replace("*", "")
                .trim());
        BROWSER.type("newTicket:assignee", "team:eu-support");
        BROWSER.screenshot("team-assignment-new-ticket");
        BROWSER.submit("newTicket:open");
        BROWSER.await(driver -> BROWSER.path().startsWith("/ticket.xhtml?id="));
        long opened = Long.parseLong(BROWSER.path().substring("/ticket.xhtml?id=".length()));
        assertEquals("eu-support|", Sql.text("select t.team_key || '|' || coalesce(k.assignee, '') from ticket k"
                + " join team t on t.id = k.assigned_team_id where k.id = ?", opened));
        assertEquals("EU Support", BROWSER.byId("field-team").getText());
    }

    private static List<String> optionValues(String selectId) {
        return new Select(BROWSER.byId(selectId)).getOptions().stream().map(option -> option.getAttribute("value"))
                .toList();
    }
}
