package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Master lists, the assignee picker and the queue (#23): the catalog API (who may change it, bad codes, retired
 * entries), tickets checked against the lists (and a retired value kept on an old ticket), then in Chromium the pick
 * lists on New ticket and the work fields, the queue as a URL (filters in the address, Back after a search), bulk
 * assignment and status change with their summary and trail, and the supervisor's page of the lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final Random RANDOM = new Random();
    private static final String MARKER = "cat" + UUID.randomUUID().toString().substring(0, 8);
    private static String supervisor;

    @AfterAll
    static void forgetFactor() throws Exception {
        Sql.update("delete from user_second_factor where username = 'supervisor'");
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }

    private static String entry(String code, String name, String team) {
        return Json.createObjectBuilder().add("code", code).add("name", name).add("ownerTeam", team).build()
                .toString();
    }

    private static Reply ticket(Api api, String token, long customerId, String subject, String category,
            String product, String site) {
        var body = Json.createObjectBuilder().add("customerId", customerId).add("subject", subject)
                .add("description", "Catalog test.").add("category", category);
        if (product != null) {
            body.add("productSku", product);
        }
        if (site != null) {
            body.add("siteCode", site);
        }
        return api.post("api/v1/tickets", token, body.build().toString());
    }

    private static String detail(Reply reply) {
        return reply.json().toString();
    }

    @Test
    @Order(1)
    void theListsAreManagedBySupervisorsAndTicketsAreCheckedAgainstThem() throws Exception {
        Api api = api();
        supervisor = api.token("supervisor");
        String agent = api.token("agent.eu");
        String category = "IT" + letters(8);

        // everyone reads the lists; the demo's entries have owners
        Reply categories = api.get("api/v1/catalog/categories", agent);
        assertEquals(200, categories.status(), categories.toString());
        JsonObject hardware = categories.array().getValuesAs(JsonObject.class).stream()
                .filter(each -> each.getString("code").equals("HARDWARE")).findFirst().orElseThrow();
        assertEquals("us-support", hardware.getString("ownerTeam"));
        assertTrue(hardware.getBoolean("active"));
        assertEquals(200, api.get("api/v1/catalog/sites", api.token("auditor")).status());
        assertProblem(api.get("api/v1/catalog/colours", agent), 404);

        // only supervisors change them: not agents, not user administrators
        assertProblem(api.post("api/v1/catalog/categories", agent, entry(category, "IT", "eu-support")), 403);
        assertProblem(api.post("api/v1/catalog/categories", api.token("admin"), entry(category, "IT", "eu-support")),
                403);
        assertViolation(api.post("api/v1/catalog/categories", supervisor, entry("not a code", "IT", "eu-support")),
                "code");
        assertViolation(api.post("api/v1/catalog/sites", supervisor, entry("BERLIN", "Berlin", "eu-support")), "code");
        assertViolation(api.post("api/v1/catalog/categories", supervisor, entry(category, "IT", "no-such-team")),
                "ownerTeam");
        assertViolation(api.post("api/v1/catalog/categories", supervisor, entry("SECURITY", "Mine", "eu-support")),
                "code");
        Reply created = api.post("api/v1/catalog/categories", supervisor, entry(category, "IT category",
                "eu-support"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("eu-support", created.json().getString("ownerTeam"));
        assertProblem(api.post("api/v1/catalog/categories", supervisor, entry(category, "Again", "eu-support")), 409);
        assertProblem(api.patch("api/v1/catalog/categories/NO_SUCH_" + letters(4), supervisor,
                "{\"name\":\"x\"}"), 404);
        assertProblem(api.patch("api/v1/catalog/categories/" + category, agent, "{\"active\":false}"), 403);
        assertViolation(api.patch("api/v1/catalog/categories/" + category, supervisor, "{\"code\":\"OTHER\"}"),
                "code");

        // tickets: unknown values are refused naming the field, the value and what would be right
        long customer = TestData.createCustomer(api, agent, "EU");
        Reply typo = ticket(api, agent, customer, "Typo " + MARKER, "HARDWRE", null, null);
        assertViolation(typo, "category");
        assertTrue(detail(typo).contains("'HARDWRE' is not a listed category (did you mean HARDWARE?)"),
                detail(typo));
        // the listed categories in order; other classes' own categories may sit between the seeded ones
        assertTrue(detail(typo).matches("(?s).*choose one of ACCOUNT, (.+, )?BILLING, .*HARDWARE.*"), detail(typo));
        Reply unknown = ticket(api, agent, customer, "Unknown " + MARKER, "HARDWARE", "ZZZ-9999", "QQQ-99");
        assertViolation(unknown, "productSku");
        assertViolation(unknown, "siteCode");
        assertEquals(0, Sql.longValue("select count(*) from ticket where subject like ?", "%" + MARKER));

        Reply listed = ticket(api, agent, customer, "Listed " + MARKER, category, "LTP-4410", "BER-01");
        assertEquals(201, listed.status(), listed.toString());
        long old = listed.json().getJsonNumber("id").longValue();
        Reply other = ticket(api, agent, customer, "Other " + MARKER, "SOFTWARE", null, null);
        assertEquals(201, other.status(), other.toString());
        long otherId = other.json().getJsonNumber("id").longValue();

        // retired: off the list and off new tickets, kept on the ticket that has it
        Reply retired = api.patch("api/v1/catalog/categories/" + category, supervisor,
                "{\"active\":false,\"name\":\"IT category (old)\"}");
        assertEquals(200, retired.status(), retired.toString());
        assertFalse(retired.json().getBoolean("active"));
        assertFalse(api.get("api/v1/catalog/categories", agent).body().contains(category));
        assertTrue(api.get("api/v1/catalog/categories?includeRetired=true", agent).body().contains(category));
        Reply refused = ticket(api, agent, customer, "Retired " + MARKER, category, null, null);
        assertViolation(refused, "category");
        assertTrue(detail(refused).contains("was retired"), detail(refused));
        Reply kept = api.patch("api/v1/tickets/" + old, agent, "{\"priority\":\"HIGH\"}");
        assertEquals(200, kept.status(), "an old ticket keeps its retired category: " + kept);
        assertEquals(category, Sql.text("select category from ticket where id = ?", old));
        assertViolation(api.patch("api/v1/tickets/" + otherId, agent, "{\"category\":\"" + category + "\"}"),
                "category");
        assertViolation(api.patch("api/v1/tickets/" + otherId, agent, "{\"siteCode\":\"QQQ-98\"}"), "siteCode");
        assertEquals(200, api.patch("api/v1/tickets/" + otherId, agent, "{\"siteCode\":\"PAR-02\"}").status());

        Reply reactivated = api.patch("api/v1/catalog/categories/" + category, supervisor, "{\"active\":true}");
        assertTrue(reactivated.json().getBoolean("active"), reactivated.toString());
        assertEquals(201, ticket(api, agent, customer, "Again " + MARKER, category, null, null).status());

        // every change is in the trail, with the values before and after
        assertEquals(List.of("CATALOG_CREATE:code=" + category + ",name=IT category,ownerTeam=eu-support",
                "CATALOG_CHANGE:name=IT category->IT category (old),retired=false->true",
                "CATALOG_CHANGE:retired=true->false"),
                Sql.texts("select action || ':' || fields from audit_event where resource_type = 'CATALOG_ENTRY'"
                        + " and resource_id = ? and outcome = 'SUCCESS' order by sequence", "categories/" + category));
        assertTrue(Sql.longValue("select count(*) from audit_event where resource_type = 'CATALOG_ENTRY' and"
                + " outcome = 'DENIED' and actor = 'agent.eu'") >= 2, "the refusals too");

        // the "Unassigned" queue (a new assignee filter value)
        assertEquals(200, api.patch("api/v1/tickets/" + otherId, agent, "{\"assignee\":\"agent.eu\"}").status());
        JsonObject unassigned = api.get("api/v1/tickets?assignee=unassigned&q=" + MARKER, agent).json();
        assertEquals(2, unassigned.getInt("total"), unassigned.toString());
        assertTrue(unassigned.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(item -> item.get("assignee") == null || item.get("assignee") == JsonValue.NULL));
    }

    @Test
    @Order(2)
    void anAgentPicksFromTheListsAndThePeopleWhoMayWorkTheTicket() throws Exception {
        BROWSER.base(base.toString());
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        password("agent.eu");

        BROWSER.open("/new-ticket.xhtml?customer=" + customer);
        List<String> categories = values("newTicket:category");
        assertTrue(categories.containsAll(List.of("ACCOUNT", "BILLING", "HARDWARE", "NETWORK", "SOFTWARE")),
                categories.toString());
        assertFalse(categories.contains("SECURITY"), "only the system opens SECURITY tickets");
        assertTrue(values("newTicket:siteCode").contains("BER-01"));
        BROWSER.type("newTicket:subject", "Picked " + MARKER);
        BROWSER.type("newTicket:description", "Chosen from the lists.");
        BROWSER.type("newTicket:category", "NETWORK");
        // the assignee list follows the customer and category chosen (Ajax; Browser.type waits for it)
        BROWSER.await(driver -> values("newTicket:assignee").contains("agent.eu"));
        assertFalse(values("newTicket:assignee").contains("agent.us"), "a US agent may not work an EU ticket");
        BROWSER.type("newTicket:productSku", "LTP-4410");
        BROWSER.type("newTicket:siteCode", "BER-01");
        BROWSER.type("newTicket:assignee", "agent.eu");
        BROWSER.screenshot("catalog-new-ticket");
        BROWSER.submit("newTicket:open");
        BROWSER.await(driver -> BROWSER.path().startsWith("/ticket.xhtml?id="));
        long id = Long.parseLong(BROWSER.path().substring("/ticket.xhtml?id=".length()));
        assertEquals("NETWORK|LTP-4410|BER-01|agent.eu", Sql.text("select category || '|' || product_sku || '|'"
                + " || site_code || '|' || assignee from ticket where id = ?", id));

        // the work fields: the same lists, the assignee by team
        assertEquals("agent.eu", new Select(BROWSER.byId("edit:assignee")).getFirstSelectedOption()
                .getAttribute("value"));
        assertFalse(values("edit:assignee").contains("agent.us"));
        assertFalse(BROWSER.driver().findElements(By.cssSelector("[id='edit:assignee'] optgroup")).isEmpty(),
                "people are grouped by team");
        BROWSER.type("edit:siteCode", "PAR-02");
        BROWSER.type("edit:productSku", "");
        BROWSER.screenshot("catalog-work-fields");
        BROWSER.submit("edit:save");
        BROWSER.await(driver -> "PAR-02".equals(sqlText("select site_code from ticket where id = " + id)));
        assertEquals(null, Sql.text("select product_sku from ticket where id = ?", id));
    }

    @Test
    @Order(3)
    void theQueueIsAUrlAndChangesManyTicketsAtOnce() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        String tag = "bulk" + UUID.randomUUID().toString().substring(0, 6);
        long first = TestData.createTicket(api, agent, customer, "First " + tag);
        long second = TestData.createTicket(api, agent, customer, "Second " + tag);
        long closed = TestData.createTicket(api, agent, customer, "Closed " + tag);
        assertEquals(200, api.patch("api/v1/tickets/" + closed, agent, "{\"status\":\"RESOLVED\"}").status());
        assertEquals(200, api.patch("api/v1/tickets/" + closed, agent, "{\"status\":\"CLOSED\"}").status());

        // the filters are in the address: a bookmark opens the same view
        BROWSER.open("/index.xhtml?q=" + tag + "&sort=oldest");
        assertTrue(BROWSER.byId("filters:page").getText().contains("(3 tickets)"), BROWSER.byId("filters:page").getText());
        assertEquals("First " + tag, BROWSER.find("[id$=':subject']").getText(), "oldest first, from the URL");
        assertEquals("oldest", new Select(BROWSER.byId("filters:sort")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(BROWSER.driver().findElements(By.cssSelector("[role=grid]")).isEmpty(), "a real table, no grid");
        assertEquals("table", BROWSER.byId("tickets").getTagName());
        // the status badge is readable: text against its background at least 4.5:1
        WebElement badge = BROWSER.find("#tickets .badge.status-OPEN");
        double contrast = contrast(badge.getCssValue("color"), badge.getCssValue("background-color"));
        assertTrue(contrast >= 4.5, "badge contrast " + contrast);
        BROWSER.screenshot("catalog-queue");

        // a search through the form is a GET: Back from a ticket shows the results again, with no resubmit
        BROWSER.open("/index.xhtml");
        BROWSER.type("filters:text", tag);
        new Select(BROWSER.byId("filters:status")).selectByValue("CLOSED");
        BROWSER.submit("filters:apply");
        assertTrue(BROWSER.path().contains("q=" + tag) && BROWSER.path().contains("status=CLOSED"), BROWSER.path());
        assertTrue(BROWSER.byId("filters:page").getText().contains("(1 tickets)"));
        BROWSER.find("[id$=':open']").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/ticket.xhtml"));
        BROWSER.driver().navigate().back();
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
        assertEquals("Closed " + tag, BROWSER.find("[id$=':subject']").getText(), "Back shows the results");
        assertTrue(BROWSER.byId("filters:page").getText().contains("(1 tickets)"));

        // bulk status change: each ticket decided on its own; the closed one is refused and says why
        BROWSER.open("/index.xhtml?q=" + tag);
        BROWSER.byId("select-all").click();
        assertEquals(3, BROWSER.driver().findElements(By.cssSelector("input[name=ids]:checked")).size());
        new Select(BROWSER.byId("bulk:status")).selectByValue("RESOLVED");
        BROWSER.submit("bulk:changeStatus");
        assertTrue(BROWSER.path().contains("q=" + tag), "back on the same filtered view: " + BROWSER.path());
        List<String> refusedLines = BROWSER.driver().findElements(By.cssSelector("#bulk-results .bulk-refused"))
                .stream().map(WebElement::getText).toList();
        assertEquals(1, refusedLines.size(), refusedLines.toString());
        assertTrue(refusedLines.get(0).startsWith("#" + closed) && refusedLines.get(0).contains("CLOSED"),
                "the refusal names the ticket and why: " + refusedLines);
        assertTrue(BROWSER.byId("messages").getText().contains("2 changed, 1 refused"), BROWSER.byId("messages").getText());
        BROWSER.screenshot("catalog-bulk-results");
        assertEquals("RESOLVED", Sql.text("select status from ticket where id = ?", first));
        assertEquals("RESOLVED", Sql.text("select status from ticket where id = ?", second));
        assertEquals("CLOSED", Sql.text("select status from ticket where id = ?", closed));
        for (long id : List.of(first, second)) {
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE' and"
                    + " resource_id = ? and outcome = 'SUCCESS' and fields like '%status=OPEN->RESOLVED%'",
                    String.valueOf(id)));
        }
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE' and"
                + " resource_id = ? and outcome = 'FAILURE'", String.valueOf(closed)), "the refusal is in the trail");
        // a reload repeats nothing (post-redirect-get)
        BROWSER.driver().navigate().refresh();
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE' and"
                + " resource_id = ? and outcome = 'FAILURE'", String.valueOf(closed)));

        // bulk assignment of two of them
        BROWSER.open("/index.xhtml?q=" + tag);
        BROWSER.find("#pick-" + first).click();
        BROWSER.find("#pick-" + second).click();
        new Select(BROWSER.byId("bulk:assignee")).selectByValue("agent.eu");
        BROWSER.submit("bulk:assign");
        assertTrue(BROWSER.byId("messages").getText().contains("2 changed, 0 refused"));
        assertEquals(2, Sql.longValue("select count(*) from ticket where assignee = 'agent.eu' and subject like ?",
                "%" + tag));
        // the saved views are links: "Unassigned" no longer lists them
        BROWSER.byId("preset-mine").click();
        BROWSER.await(driver -> BROWSER.path().contains("queue=mine"));
        assertEquals("mine", new Select(BROWSER.byId("filters:queue")).getFirstSelectedOption().getAttribute("value"));
        BROWSER.reset();
    }

    @Test
    @Order(4)
    void theSupervisorKeepsTheListsOnTheirPage() throws Exception {
        Sql.update("delete from user_second_factor where username = 'supervisor'");
        password("supervisor");
        assertEquals("/enroll.xhtml", BROWSER.path());
        BROWSER.enrollSecondFactor();

        BROWSER.byId("nav-catalog").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/admin/catalog.xhtml"));
        BROWSER.byId("list-sites").click();
        BROWSER.await(driver -> BROWSER.path().contains("list=sites"));
        String site = letters(3) + "-" + (10 + RANDOM.nextInt(90));
        BROWSER.type("add:code", site);
        BROWSER.type("add:name", "Site " + site);
        BROWSER.type("add:ownerTeam", "eu-support");
        BROWSER.submit("add:save");
        BROWSER.await(driver -> driver.getPageSource().contains("Site " + site));
        assertTrue(BROWSER.path().contains("list=sites"), "redirected back to the list: " + BROWSER.path());
        WebElement row = BROWSER.driver().findElements(By.cssSelector("tr.entry-active")).stream()
                .filter(each -> each.getText().contains(site)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button")).click();
        BROWSER.await(driver -> driver.findElements(By.cssSelector("tr.entry-retired")).stream()
                .anyMatch(each -> each.getText().contains(site)));
        assertEquals("SITE", Sql.text("select kind from catalog_entry where code = ? and retired_at is not null",
                site));
        BROWSER.screenshot("catalog-admin-sites");
    }

    // ---------------------------------------------------------------- helpers

    private static void password(String username) {
        BROWSER.reset();
        BROWSER.signIn(username);
    }

    private static List<String> values(String selectId) {
        return new Select(BROWSER.byId(selectId)).getOptions().stream().map(option -> option.getAttribute("value"))
                .toList();
    }

    private static String sqlText(String query) {
        try {
            return Sql.text(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** WCAG 2 contrast of two computed CSS colours ("rgba(r, g, b, a)"). */
    private static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }
}
