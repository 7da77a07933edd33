package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal's forms as a person sees them (#23): every label beside or above its own input and every message right
 * below it, at 1280 px and at 400 px, also after a failed submit; post-redirect-get (a reload repeats nothing, the
 * URL keeps the ticket); deep links and forms that survive the end of a session; closed tickets and roles without
 * forms; staff-only comments kept from contractors; contrast of text and buttons of at least 4.5:1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalLayoutIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();
    /**
     * The session-end test's own browser: a comment typed before the first test, then left alone while the others
     * run, so that the wait for the idle timeout overlaps their work instead of adding half a minute (#19).
     */
    @RegisterExtension
    static final Browser IDLE_BROWSER = Browser.second("idle");
    private static Instant idleSince;
    private static String idleText;

    private static final List<String> ENROLLED = List.of("supervisor", "privacy", "operator");
    private static final List<Integer> WIDTHS = List.of(1280, 400);
    /** Pages and their forms; for each, whether an empty submit must show a message next to an input. */
    private static final Map<String, Boolean> AGENT_FORMS = Map.of("newTicket", true, "newCustomer", true,
            "comment", true, "status", true, "edit", false);
    private static final List<String> LOW_CONTRAST = new ArrayList<>();

    private static long customerId;
    private static long ticketId;

    @BeforeEach
    void freshBrowser() throws Exception {
        BROWSER.base(base.toString());
        BROWSER.reset();
        width(1280);
        if (ticketId == 0) {
            Api api = api();
            String agent = api.token("agent.eu");
            Reply customer = api.post("api/v1/customers", agent, "{\"name\":\"Layout Customer\",\"region\":\"EU\"}");
            assertEquals(201, customer.status(), customer.toString());
            customerId = customer.json().getJsonNumber("id").longValue();
            ticketId = openTicket(api, agent, "NETWORK");
        }
        if (idleSince == null) {
            IDLE_BROWSER.base(base.toString());
            idleText = typeCommentThenLeave(IDLE_BROWSER);
        }
    }

    @AfterAll
    static void closeBrowserAndForgetFactors() throws Exception {
        BROWSER.close();
        IDLE_BROWSER.close();
        for (String user : ENROLLED) {
            Sql.update("delete from user_second_factor where username = ?", user);
        }
    }

    @Test
    @Order(1)
    void anAgentsFormsKeepLabelInputAndMessageTogetherWideAndNarrow() throws Exception {
        for (int width : WIDTHS) {
            BROWSER.reset();
            width(width);
            BROWSER.open("/login.xhtml");
            contrast();
            checkForm("login", true);
            signIn("agent.eu");
            for (String page : List.of("/new-ticket.xhtml", "/customer.xhtml", "/ticket.xhtml?id=" + ticketId)) {
                BROWSER.open(page);
                contrast();
                for (Map.Entry<String, Boolean> form : AGENT_FORMS.entrySet()) {
                    if (!BROWSER.driver().findElements(By.id(form.getKey())).isEmpty()) {
                        checkForm(form.getKey(), form.getValue());
                        BROWSER.open(page);
                    }
                }
            }
            BROWSER.open("/index.xhtml");
            contrast();
        }
        assertEquals(List.of(), LOW_CONTRAST, "text and buttons below 4.5:1");
    }

    @Test
    @Order(2)
    void aReloadAfterEachActionRepeatsNothingAndTheUrlKeepsTheTicket() throws Exception {
        signIn("agent.eu");
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        long before = comments(ticketId);
        BROWSER.type("comment:body", "First line\nsecond line\n\nafter an empty line");
        BROWSER.submit("comment:add");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path(), "the URL keeps the ticket after the comment");
        assertTrue(BROWSER.byId("messages").getText().contains("was added to ticket " + ticketId), "the message survives the redirect");
        assertEquals(before + 1, comments(ticketId));
        reload();
        assertEquals(before + 1, comments(ticketId), "a reload adds no second comment");
        WebElement body = BROWSER.driver().findElements(By.cssSelector(".comment-body")).stream()
                .filter(each -> each.getText().startsWith("First line")).findFirst().orElseThrow();
        assertEquals("First line\nsecond line\n\nafter an empty line", body.getText().replace("\r\n", "\n"),
                "line breaks are kept");
        WebElement meta = body.findElement(By.xpath("preceding-sibling::div[@class='meta']"));
        assertTrue(meta.getText().contains("Customer and staff") && meta.getText().contains("written by an agent"),
                "the meta line says visibility and channel in words: " + meta.getText());

        new Select(BROWSER.byId("edit:priority")).selectByValue("HIGH");
        BROWSER.submit("edit:save");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path());
        long version = Sql.longValue("select version from ticket where id = ?", ticketId);
        reload();
        assertEquals(version, Sql.longValue("select version from ticket where id = ?", ticketId), "saved once");

        new Select(BROWSER.byId("status:newStatus")).selectByValue("IN_PROGRESS");
        BROWSER.submit("status:change");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path());
        assertTrue(BROWSER.byId("messages").getText().contains("is now In progress"), BROWSER.byId("messages").getText());
        version = Sql.longValue("select version from ticket where id = ?", ticketId);
        reload();
        assertEquals(version, Sql.longValue("select version from ticket where id = ?", ticketId), "changed once");

        String subject = "PRG " + UUID.randomUUID();
        BROWSER.open("/new-ticket.xhtml?customer=" + customerId);
        BROWSER.type("newTicket:subject", subject);
        BROWSER.type("newTicket:description", "Opened once.");
        BROWSER.type("newTicket:category", "NETWORK");
        BROWSER.submit("newTicket:open");
        assertTrue(BROWSER.path().startsWith("/ticket.xhtml?id="), BROWSER.path());
        reload();
        assertEquals(1, Sql.longValue("select count(*) from ticket where subject = ?", subject));
    }

    @Test
    @Order(3)
    void aDeepLinkOpensItsPageAfterPasswordSignIn() throws Exception {
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        assertTrue(BROWSER.path().startsWith("/login.xhtml?next="), BROWSER.path());
        signIn("agent.eu");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path(), "the page asked for, not the queue");
    }

    @Test
    @Order(4)
    void aCommentSentAfterTheSessionEndedIsKeptAndCompletedAfterSigningInAgain() throws Exception {
        long idleSeconds = Duration.parse(System.getProperty("custodian.it.portal.idle", "PT30S")).toSeconds();
        Browser idle = IDLE_BROWSER;
        // typed before the first test, not sent since; after a slow start (the container drops an unused session a
        // minute after the idle timeout, and then there is no user left to keep the form for) it is typed again here
        if (Duration.between(idleSince, Instant.now()).toSeconds() > idleSeconds + 40) {
            idle = BROWSER;
            idleText = typeCommentThenLeave(BROWSER);
        }
        String text = idleText;
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), idleSince.plusSeconds(idleSeconds + 3)).toMillis()));
        long before = comments(ticketId);
        idle.submit("comment:add");
        assertTrue(idle.path().startsWith("/login.xhtml"), idle.path());
        assertTrue(idle.path().contains("expired=idle"), idle.path());
        assertFalse(idle.path().contains("Typed"), "what was typed is never in the URL");
        assertEquals(before, comments(ticketId), "nothing was sent without a session");
        assertTrue(idle.byId("expired").isDisplayed(), "the page says why to sign in again");
        String storage = String.valueOf(idle.driver().executeScript(
                "return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage) + document.cookie"));
        assertFalse(storage.contains("Typed"), "nor in the browser's storage: " + storage);

        signIn(idle, "agent.eu");
        assertEquals("/ticket.xhtml?id=" + ticketId, idle.path(), "back on the ticket");
        assertEquals(text, idle.byId("comment:body").getAttribute("value"), "what was typed is filled in again");
        assertEquals("PHONE", new Select(idle.byId("comment:channel")).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(idle.byId("messages").getText().contains("send it again"), idle.byId("messages").getText());
        idle.submit("comment:add");
        assertEquals(before + 1, comments(ticketId), "the comment is completed");
        assertEquals(text, Sql.text("select body from ticket_comment where ticket_id = ? order by id desc limit 1",
                ticketId).replace("\r\n", "\n"));
        reload(idle);
        assertFalse(idle.byId("comment:body").getAttribute("value").contains("Typed"), "kept only once");
    }

    /** Signs agent.eu in, types a comment (by phone) on the ticket and sends nothing: the idle clock starts. */
    private static String typeCommentThenLeave(Browser browser) {
        signIn(browser, "agent.eu");
        browser.open("/ticket.xhtml?id=" + ticketId);
        String text = "Typed before the timeout " + UUID.randomUUID() + "\nsecond line";
        browser.type("comment:body", text);
        new Select(browser.byId("comment:channel")).selectByValue("PHONE");
        // the last request (the channel's Ajax answer, if any) is over: from here on the session is left alone
        browser.awaitAjax();
        idleSince = Instant.now();
        return text;
    }

    @Test
    @Order(5)
    void aClosedTicketShowsNoFormsAndAStalePageSaysWhyInWords() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long closed = openTicket(api, agent, "NETWORK");
        signIn("agent.eu");
        BROWSER.open("/ticket.xhtml?id=" + closed);
        BROWSER.type("comment:body", "Too late");
        Sql.update("update ticket set status = 'CLOSED' where id = ?", closed);
        BROWSER.submit("comment:add");
        String said = BROWSER.byId("messages").getText();
        assertTrue(said.contains("This ticket is closed"), said);
        assertFalse(said.contains("ticketId") || said.contains("CLOSED"), "no internal names: " + said);

        BROWSER.open("/ticket.xhtml?id=" + closed);
        for (String form : List.of("comment", "edit", "status")) {
            assertTrue(BROWSER.driver().findElements(By.id(form)).isEmpty(), form + " is not offered");
        }
        assertTrue(BROWSER.byId("closed").getText().contains("closed"), BROWSER.byId("closed").getText());
        BROWSER.byId("follow-up").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/new-ticket.xhtml"));
        assertEquals(String.valueOf(customerId), BROWSER.byId("newTicket:customerId").getAttribute("value"));

        // the region picker offers only the regions the agent may register customers in
        BROWSER.open("/customer.xhtml");
        List<String> regions = new Select(BROWSER.byId("newCustomer:region")).getOptions().stream()
                .map(option -> option.getAttribute("value")).filter(value -> !value.isEmpty()).toList();
        assertEquals(List.of("EU"), regions);
        // an engineer may not register customers: no form to fail in
        BROWSER.reset();
        signIn("engineer");
        BROWSER.open("/customer.xhtml");
        assertTrue(BROWSER.driver().findElements(By.id("newCustomer")).isEmpty(), "no register form for engineers");
    }

    @Test
    @Order(6)
    void contractorsDoNotSeeStaffOnlyComments() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long ticket = openTicket(api, agent, "NETWORK");
        for (String visibility : List.of("PUBLIC", "INTERNAL")) {
            Reply comment = api.post("api/v1/tickets/" + ticket + "/comments", agent, Json.createObjectBuilder()
                    .add("body", visibility + " note").add("visibility", visibility).add("channel", "AGENT").build()
                    .toString());
            assertEquals(201, comment.status(), comment.toString());
        }
        Reply grant = api.post("api/v1/access/grants", Tokens.forUser("supervisor", "SUPERVISOR", List.of("EU")),
                Json.createObjectBuilder().add("grantee", "contractor").add("categories", Json.createArrayBuilder()
                        .add("NETWORK")).add("regions", Json.createArrayBuilder().add("EU"))
                        .add("expiresAt", Instant.now().plus(Duration.ofDays(1)).toString())
                        .add("reason", "layout test: network support").build().toString());
        assertEquals(201, grant.status(), grant.toString());
        Reply seen = api.get("api/v1/tickets/" + ticket + "/comments",
                Tokens.forUser("contractor", "CONTRACTOR", List.of("EU")));
        assertEquals(200, seen.status(), seen.toString());
        assertTrue(seen.body().contains("PUBLIC note"), seen.body());
        assertFalse(seen.body().contains("INTERNAL"), "a contractor reads no staff-only comment: " + seen.body());
        Reply staff = api.get("api/v1/tickets/" + ticket + "/comments", agent);
        assertTrue(staff.body().contains("INTERNAL note"), "agents still do: " + staff.body());
    }

    @Test
    @Order(7)
    void aSupervisorsBreakGlassFormAndAPrivacyOfficersAndOperatorsForms() throws Exception {
        signInAndEnroll("supervisor");
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        checkForm("breakGlass", true);
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        width(400);
        checkForm("breakGlass", true);
        width(1280);
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        long overrides = Sql.longValue("select count(*) from access_override");
        BROWSER.type("breakGlass:justification", "Layout test: the whole EU region is down");
        BROWSER.type("breakGlass:minutes", "1");
        BROWSER.submit("breakGlass:open");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path());
        reload();
        assertEquals(overrides + 1, Sql.longValue("select count(*) from access_override"), "opened once");
        contrast();

        BROWSER.reset();
        signInAndEnroll("privacy");
        Map<String, List<String>> pages = Map.of("/admin/privacy.xhtml", List.of("filter", "advance", "newRequest",
                "consent"), "/admin/holds.xhtml", List.of("place", "release"), "/admin/retention.xhtml",
                List.of("policy", "preview"), "/admin/policy.xhtml", List.of("visibility", "reclassify"),
                "/admin/records.xhtml", List.of());
        for (int width : WIDTHS) {
            width(width);
            for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                BROWSER.open(page.getKey());
                contrast();
                for (String form : page.getValue()) {
                    checkForm(form, !List.of("filter", "newRequest").contains(form));
                    BROWSER.open(page.getKey());
                }
            }
        }
        width(1280);
        String reason = "Layout hold " + UUID.randomUUID();
        BROWSER.open("/admin/holds.xhtml");
        new Select(BROWSER.byId("place:scope")).selectByValue("CUSTOMER");
        BROWSER.type("place:customerId", String.valueOf(customerId));
        BROWSER.type("place:reason", reason);
        BROWSER.type("place:authority", "Case 1/2026");
        BROWSER.submit("place:submit");
        assertEquals("/admin/holds.xhtml", BROWSER.path());
        assertTrue(BROWSER.byId("messages").getText().contains("is in force"), BROWSER.byId("messages").getText());
        reload();
        assertEquals(1, Sql.longValue("select count(*) from legal_hold where reason = ?", reason), "placed once");
        long requests = Sql.longValue("select count(*) from privacy_request");
        BROWSER.open("/admin/privacy.xhtml");
        BROWSER.type("newRequest:customerId", String.valueOf(customerId));
        BROWSER.submit("newRequest:submit");
        assertEquals("/admin/privacy.xhtml", BROWSER.path());
        reload();
        assertEquals(requests + 1, Sql.longValue("select count(*) from privacy_request"), "registered once");

        BROWSER.reset();
        signInAndEnroll("operator");
        for (int width : WIDTHS) {
            width(width);
            BROWSER.open("/admin/jobs.xhtml");
            contrast();
            checkForm("launch", true);
        }
        assertEquals(List.of(), LOW_CONTRAST, "text and buttons below 4.5:1");
    }

    // --- helpers

    /** The form's layout now, then after an empty submit (with the messages that brings) when asked to. */
    private static void checkForm(String formId, boolean submitEmpty) {
        PageChecks.Result now = PageChecks.formLayout(BROWSER, formId);
        assertEquals(List.of(), now.problems(), formId + " at " + widthNow() + " px");
        if (!submitEmpty) {
            return;
        }
        BROWSER.driver().executeScript("document.getElementById(arguments[0]).querySelectorAll('input[type=text],"
                + " input[type=password], input[type=date], textarea').forEach(function (i) { i.value = ''; });", formId);
        // the form's own button (its actions row), not a helper inside a field such as the customer picker's Find
        WebElement form = BROWSER.driver().findElement(By.id(formId));
        List<WebElement> actions = form.findElements(By.cssSelector(".actions button"));
        WebElement button = actions.isEmpty() ? form.findElement(By.cssSelector("button[type=submit]")) : actions.get(0);
        BROWSER.submit(button.getAttribute("id"));
        PageChecks.Result failed = PageChecks.formLayout(BROWSER, formId);
        assertEquals(List.of(), failed.problems(), formId + " after a failed submit at " + widthNow() + " px");
        assertTrue(failed.messages() > 0, formId + ": a failed submit shows a message next to an input");
    }

    private static void contrast() {
        for (String failure : PageChecks.lowContrast(BROWSER)) {
            String entry = BROWSER.path() + " @" + widthNow() + ": " + failure;
            if (!LOW_CONTRAST.contains(entry)) {
                LOW_CONTRAST.add(entry);
            }
        }
    }

    private static void width(int width) {
        BROWSER.driver().manage().window().setSize(new Dimension(width, 900));
    }

    private static long widthNow() {
        return ((Number) BROWSER.driver().executeScript("return window.innerWidth")).longValue();
    }

    private static void reload() {
        reload(BROWSER);
    }

    private static void reload(Browser browser) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().navigate().refresh();
        browser.await(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (RuntimeException replaced) {
                return true;
            }
        });
        browser.shot();
    }

    private static long comments(long ticket) throws Exception {
        return Sql.longValue("select count(*) from ticket_comment where ticket_id = ?", ticket);
    }

    private long openTicket(Api api, String token, String category) {
        Reply ticket = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Layout " + UUID.randomUUID()).add("description", "Router down.")
                .add("category", category).build().toString());
        assertEquals(201, ticket.status(), ticket.toString());
        return ticket.json().getJsonNumber("id").longValue();
    }

    private static void password(String username) {
        password(BROWSER, username);
    }

    private static void password(Browser browser, String username) {
        if (!browser.path().startsWith("/login.xhtml")) {
            browser.open("/login.xhtml");
        }
        browser.type("login:username", username);
        browser.type("login:password", Api.DEMO_PASSWORD);
        browser.submit("login:submit");
    }

    private static void signIn(String username) {
        signIn(BROWSER, username);
    }

    /** Signs in with the password on the login page now shown (keeping its next page) or a fresh one. */
    private static void signIn(Browser browser, String username) {
        password(browser, username);
        assertFalse(browser.path().startsWith("/login.xhtml"), username + " signed in: " + browser.path());
    }

    /** A first sign-in of a role that must enroll a second factor; checks the enrollment form's layout on the way. */
    private static void signInAndEnroll(String username) {
        password(username);
        assertEquals("/enroll.xhtml", BROWSER.path(), username + "'s role must enroll a second factor");
        String secret = BROWSER.byId("secret").getText().trim();
        checkForm("enroll", true);
        BROWSER.type("enroll:code", Totp.code(secret, Instant.now().getEpochSecond() / 30));
        BROWSER.submit("enroll:confirm");
        BROWSER.await(driver -> !driver.findElements(By.cssSelector("#recovery-codes li")).isEmpty());
        BROWSER.submit("done:continue");
        BROWSER.await(driver -> !BROWSER.path().startsWith("/enroll.xhtml"));
    }
}
