package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent's workspace, second wave (#23): changing a customer on their page through the audited service the PATCH
 * uses (masked fields never filled in, a duplicate address flagged with the existing record), the macros page of a
 * team lead and an agent using a canned reply from it, and the ticket page's link and merge buttons under their
 * inputs and Reveal offered only for fields that are masked. Layout as a person sees it (bounding boxes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerEditIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser().freshEachTest();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Taken before the browser enrolls the supervisor's second factor (then the API would ask for a code). */
    private static String supervisor;

    @BeforeEach
    void defaultWindow() {
        BROWSER.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void forgetFactors() throws Exception {
        Sql.update("delete from user_second_factor where username = ?", "supervisor");
    }

    private Api tokens() {
        Api api = api();
        if (supervisor == null) {
            supervisor = api.token("supervisor");
        }
        return api;
    }

    @Test
    @Order(1)
    void anAgentChangesACustomerOnTheirPageAuditedAndIsShownADuplicateFirst() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        String otherEmail = "other." + RUN + "@example.com";
        long other = customer(api, agent, "Other " + RUN, otherEmail, phone());
        String email = "edit." + RUN + "@example.com";
        long id = customer(api, agent, "Edit " + RUN, email, phone());

        password("agent.eu");
        BROWSER.open("/customer.xhtml?id=" + id);
        // agents see name, e-mail and phone masked: offered empty, the masked value as a hint, never the value
        for (String field : List.of("name", "email", "phone")) {
            assertEquals("", BROWSER.byId("customerEdit:" + field).getAttribute("value"), field + " is not filled in");
        }
        assertFalse(BROWSER.driver().getPageSource().contains(email), "the full address is nowhere on the page");
        assertFalse(BROWSER.driver().getPageSource().contains("Edit " + RUN), "nor the full name");
        assertTrue(BROWSER.byId("customerEditSection").getText().contains("***@example.com"),
                "the masked value as a hint: " + BROWSER.byId("customerEditSection").getText());
        assertTrue(BROWSER.driver().findElements(By.id("customerEdit:nationalId")).isEmpty(),
                "a field hidden from agents is not offered");
        layout("customerEdit", 0);
        scrollTo("customerEditSection");
        BROWSER.screenshot("customer-edit");

        // nothing typed: nothing changed, said so; a bad address: said under it, nothing saved
        long versionBefore = Sql.longValue("select version from customer where id = ?", id);
        BROWSER.submit("customerEdit:save");
        assertTrue(BROWSER.byId("messages").getText().contains("Nothing was changed"),
                BROWSER.byId("messages").getText());
        BROWSER.type("customerEdit:email", "not-an-address");
        BROWSER.submit("customerEdit:save");
        layout("customerEdit", 1);
        scrollTo("customerEditSection");
        BROWSER.screenshot("customer-edit-bad-address");
        assertEquals(versionBefore, Sql.longValue("select version from customer where id = ?", id), "nothing saved");
        BROWSER.type("customerEdit:email", "");

        // a new name and number; the masked e-mail left empty stays as it was
        String newPhone = phone();
        long before = Sql.longValue("select max(sequence) from audit_event");
        BROWSER.type("customerEdit:name", "Edited " + RUN);
        BROWSER.type("customerEdit:phone", newPhone);
        BROWSER.submit("customerEdit:save");
        assertEquals("/customer.xhtml?id=" + id, BROWSER.path(), "post-redirect-get back to the customer");
        assertTrue(BROWSER.byId("messages").getText().contains("were changed"), BROWSER.byId("messages").getText());
        assertEquals("Edited " + RUN, Sql.text("select name from customer where id = ?", id));
        assertEquals(newPhone, Sql.text("select phone from customer where id = ?", id));
        assertEquals(email, Sql.text("select email from customer where id = ?", id), "left empty: kept");
        Reply trail = api.get("api/v1/audit/export?from=" + (before + 1), Tokens.forUser("auditor", "AUDITOR",
                List.of()));
        assertEquals(200, trail.status(), trail.toString());
        String update = trail.body().lines().filter(line -> line.contains("CUSTOMER_UPDATE")
                && line.contains("\"" + id + "\"")).findFirst().orElse("");
        assertTrue(update.contains("agent.eu") && update.contains("name=") && update.contains("phone="),
                "the change is in the trail (as keyed hashes): " + trail.body());
        assertFalse(update.contains(newPhone.substring(4)) || update.contains("Edited"), update);
        long updates = Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_UPDATE' and"
                + " resource_id = ?", String.valueOf(id));
        BROWSER.driver().navigate().refresh();
        BROWSER.byId("customerEdit");
        assertEquals(updates, Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_UPDATE' and"
                + " resource_id = ?", String.valueOf(id)), "a reload changes nothing");

        // another customer's address: flagged with a link to that record, nothing saved until confirmed
        BROWSER.type("customerEdit:email", otherEmail.toUpperCase(java.util.Locale.ROOT));
        BROWSER.submit("customerEdit:save");
        WebElement warning = BROWSER.byId("editDuplicateWarning");
        assertTrue(warning.getText().contains("Another customer already has this e-mail address"), warning.getText());
        String link = warning.findElement(By.cssSelector("a.duplicate-link")).getAttribute("href");
        assertTrue(link.endsWith("/customer.xhtml?id=" + other), link);
        assertEquals(email, Sql.text("select email from customer where id = ?", id), "nothing saved yet");
        layout("customerEdit", 0);
        scrollTo("customerEditSection");
        BROWSER.screenshot("customer-edit-duplicate");
        BROWSER.submit("customerEdit:saveAnyway");
        assertEquals("/customer.xhtml?id=" + id, BROWSER.path());
        assertEquals(otherEmail, Sql.text("select lower(email) from customer where id = ?", id));

        // the API flags it the same way
        Reply flagged = api.patch("api/v1/customers/" + other, agent, "{\"phone\":\"" + newPhone + "\"}");
        assertProblem(flagged, 409);
        assertEquals(id, flagged.json().getJsonNumber("existingCustomerId").longValue(), flagged.toString());
        assertEquals(200, api.patch("api/v1/customers/" + other + "?allowDuplicate=true", agent,
                "{\"phone\":\"" + newPhone + "\"}").status());

        // narrow: label above its input, message below it
        BROWSER.driver().manage().window().setSize(new Dimension(400, 900));
        BROWSER.open("/customer.xhtml?id=" + id);
        layout("customerEdit", 0);

        // an engineer reads customers but does not change them: no form
        BROWSER.reset();
        BROWSER.driver().manage().window().setSize(new Dimension(1280, 900));
        password("engineer");
        BROWSER.open("/customer.xhtml?id=" + id);
        BROWSER.find("main");
        assertTrue(BROWSER.driver().findElements(By.id("customerEdit")).isEmpty(), "engineers see no edit form");
    }

    @Test
    @Order(2)
    void aTeamLeadKeepsCannedRepliesOnTheMacrosPageAndAnAgentUsesOne() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        String subject = "Macro ticket " + RUN;
        long ticket = TestData.createTicket(api, agent, customer, subject);
        String name = "Callback " + RUN;

        signInAndEnroll("supervisor");
        // a supervisor of the region sees the customer in full: the form is filled in
        BROWSER.open("/customer.xhtml?id=" + customer);
        assertEquals(Sql.text("select name from customer where id = ?", customer),
                BROWSER.byId("customerEdit:name").getAttribute("value"));
        assertEquals(Sql.text("select email from customer where id = ?", customer),
                BROWSER.byId("customerEdit:email").getAttribute("value"));
        scrollTo("customerEditSection");
        BROWSER.screenshot("customer-edit-supervisor");
        BROWSER.byId("nav-macros").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/macros.xhtml"));
        layout("create", 0);
        BROWSER.screenshot("macros-empty");
        BROWSER.type("create:team", "eu-support");
        BROWSER.type("create:name", name);
        BROWSER.type("create:body", "Hello {{customer.name}}, about ticket {{ticket.id}}. {{agent.name}}");
        BROWSER.submit("create:add");
        assertEquals("/macros.xhtml", BROWSER.path(), "post-redirect-get");
        assertTrue(BROWSER.byId("messages").getText().contains("added for team eu-support"),
                BROWSER.byId("messages").getText());
        long macro = Sql.longValue("select id from macro where name = ?", name);
        assertTrue(BROWSER.find("tr[data-macro='" + macro + "']").getText().contains(name));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MACRO_CREATE' and"
                + " resource_id = ?", String.valueOf(macro)));

        // the same name again, an unknown placeholder: said under the field, nothing stored
        BROWSER.type("create:team", "eu-support");
        BROWSER.type("create:name", name);
        BROWSER.type("create:body", "Again");
        BROWSER.submit("create:add");
        assertTrue(BROWSER.byId("create").getText().contains("already has a canned reply with this name"),
                BROWSER.byId("create").getText());
        layout("create", 1);
        BROWSER.type("create:name", "Other " + RUN);
        BROWSER.type("create:body", "Hi {{ticket.owner}}");
        BROWSER.submit("create:add");
        assertTrue(BROWSER.byId("create").getText().contains("Unknown placeholder {{ticket.owner}}"),
                BROWSER.byId("create").getText());
        layout("create", 1);
        scrollTo("create");
        BROWSER.screenshot("macros-errors");
        assertEquals(1, Sql.longValue("select count(*) from macro where name like ?", "%" + RUN));

        // change the text
        BROWSER.find("tr[data-macro='" + macro + "'] a").click();
        BROWSER.await(driver -> BROWSER.path().contains("edit=" + macro));
        assertEquals(name, BROWSER.byId("change:editName").getAttribute("value"));
        layout("change", 0);
        BROWSER.type("change:editBody", "Hello {{customer.name}}, ticket {{ticket.id}} ({{ticket.subject}}) is"
                + " being worked on. {{agent.name}}");
        BROWSER.submit("change:save");
        assertEquals("/macros.xhtml", BROWSER.path());
        assertTrue(Sql.text("select body from macro where id = ?", macro).contains("{{ticket.subject}}"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MACRO_CHANGE' and"
                + " resource_id = ? and fields like '%body%'", String.valueOf(macro)));
        BROWSER.screenshot("macros-list");

        // a spare one is deleted (after a confirmation)
        BROWSER.type("create:team", "eu-support");
        BROWSER.type("create:name", "Spare " + RUN);
        BROWSER.type("create:body", "Spare text");
        BROWSER.submit("create:add");
        long spare = Sql.longValue("select id from macro where name = ?", "Spare " + RUN);
        WebElement page = BROWSER.driver().findElement(By.tagName("html"));
        BROWSER.find("tr[data-macro='" + spare + "'] button").click();
        BROWSER.await(driver -> driver.switchTo().alert()).accept();
        BROWSER.await(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (RuntimeException replaced) {
                return true;
            }
        });
        BROWSER.await(driver -> BROWSER.byId("messages").getText().contains("deleted"));
        assertEquals(0, Sql.longValue("select count(*) from macro where id = ?", spare));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MACRO_DELETE' and"
                + " resource_id = ?", String.valueOf(spare)));

        // an agent: no link, no forms on the page, and the reply on the ticket filled for them
        BROWSER.reset();
        password("agent.eu");
        assertTrue(BROWSER.driver().findElements(By.id("nav-macros")).isEmpty(), "agents do not keep macros");
        BROWSER.open("/macros.xhtml");
        BROWSER.byId("notManager");
        assertTrue(BROWSER.driver().findElements(By.id("create")).isEmpty());
        BROWSER.open("/ticket.xhtml?id=" + ticket);
        new Select(BROWSER.byId("macro:selected")).selectByVisibleText(name + " (eu-support)");
        BROWSER.submit("macro:use");
        String filled = BROWSER.byId("comment:body").getAttribute("value");
        assertTrue(filled.contains("ticket " + ticket + " (" + subject + ") is being worked on."), filled);
    }

    @Test
    @Order(3)
    void theTicketPagesButtonsSitUnderTheirInputsAndRevealOffersOnlyMaskedFields() throws Exception {
        Api api = tokens();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long ticket = TestData.createTicket(api, agent, customer, "Printer jams " + RUN);

        password("agent.eu");
        BROWSER.open("/ticket.xhtml?id=" + ticket);
        underItsInput("links:ticketId", "links:link");
        underItsInput("merge:duplicateId", "merge:merge-button");
        layout("links", 0);
        layout("merge", 0);
        scrollTo("links");
        BROWSER.screenshot("ticket-links-buttons");

        List<String> offered = BROWSER.driver().findElements(By.cssSelector(".reveal-row")).stream()
                .map(row -> row.getAttribute("data-field")).toList();
        assertTrue(offered.contains("customer.phone"), "the masked phone is offered: " + offered);
        assertFalse(offered.contains("ticket.subject") || offered.contains("ticket.description"),
                "a subject and description with nothing masked in them are not offered: " + offered);
        BROWSER.driver().manage().window().setSize(new Dimension(400, 900));
        BROWSER.open("/ticket.xhtml?id=" + ticket);
        underItsInput("links:ticketId", "links:link");
    }

    // --- helpers

    /** The button starts where its input starts (the grid's second column wide, the one column narrow), below it. */
    private static void underItsInput(String inputId, String buttonId) {
        Rectangle input = BROWSER.byId(inputId).getRect();
        Rectangle button = BROWSER.byId(buttonId).getRect();
        assertTrue(Math.abs(button.getX() - input.getX()) <= 2 && button.getY() >= input.getY() + input.getHeight(),
                buttonId + " at " + button.getX() + "," + button.getY() + " is not under " + inputId + " at "
                        + input.getX() + "," + input.getY());
    }

    private static void layout(String formId, int messagesAtLeast) {
        PageChecks.Result result = PageChecks.formLayout(BROWSER, formId);
        assertEquals(List.of(), result.problems(), formId + " at " + BROWSER.path());
        assertTrue(result.messages() >= messagesAtLeast, formId + ": " + result.messages() + " messages by inputs");
    }

    private static void scrollTo(String id) {
        BROWSER.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static String phone() {
        return "+49 40 " + ThreadLocalRandom.current().nextInt(1000, 9999) + " "
                + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static long customer(Api api, String token, String name, String email, String phone) {
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder().add("name", name)
                .add("email", email).add("phone", phone).add("region", "EU").build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void password(String username) {
        if (!BROWSER.path().startsWith("/login.xhtml")) {
            BROWSER.open("/login.xhtml");
        }
        BROWSER.type("login:username", username);
        BROWSER.type("login:password", Api.DEMO_PASSWORD);
        BROWSER.submit("login:submit");
        assertFalse(BROWSER.path().startsWith("/login.xhtml"), username + " signed in: " + BROWSER.path());
    }

    /** A first sign-in of a role that must enroll a second factor. */
    private static void signInAndEnroll(String username) {
        password(username);
        assertEquals("/enroll.xhtml", BROWSER.path(), username + "'s role must enroll a second factor");
        BROWSER.enrollSecondFactor();
    }
}
