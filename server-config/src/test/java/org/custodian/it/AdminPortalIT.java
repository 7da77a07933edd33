package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The people pages of the admin console in a real browser (#22): the demo user administrator enrolls a second
 * factor, creates a user, invites them (the link shown once opens in a fresh browser and sets the password),
 * asks for SUPERVISOR (four eyes: pending until the privacy officer approves on the grants page), creates a team
 * and adds the user, creates a service account and a key (shown once, and it works), opens an access review and
 * decides an item. Screenshots of every page go to target/admin-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPortalIT extends DeployedWar {

    @RegisterExtension
    static final Browser ADMIN = new Browser();

    /** A second browser: the invited user, then the privacy officer (no cookie of the administrator's). */
    @RegisterExtension
    static final Browser OTHER = new Browser();

    private static final List<String> ENROLLED = List.of("admin", "privacy");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String NAME = "pat.admin" + SUFFIX;
    private static String adminToken;

    @AfterAll
    static void forgetFactors() throws Exception {
        for (String user : ENROLLED) {
            Sql.update("delete from user_second_factor where username = ?", user);
        }
    }

    @Test
    @Order(1)
    void anAgentReachesTheReviewPageButNoOtherPeoplePage() {
        ADMIN.base(base.toString());
        OTHER.base(base.toString());
        // before the administrator enrolls: the API gives their token without a code in the tests
        adminToken = api().token("admin");
        OTHER.signIn("agent.eu");
        assertEquals("/index.xhtml", OTHER.path());
        OTHER.open("/admin/access-reviews.xhtml");
        assertEquals("Access reviews", OTHER.find("h1").getText(), "a reviewer's page is open to every user");
        assertTrue(OTHER.byId("campaigns").getText().contains("No campaign has items for you"));
        OTHER.open("/admin/users.xhtml");
        assertTrue(OTHER.byId("refusal").getText().contains("user administrators"), "the rest stays closed");
        OTHER.reset();
    }

    @Test
    @Order(2)
    void theUserAdministratorLandsInTheConsoleAndCreatesAUser() throws Exception {
        signInAndEnroll(ADMIN, "admin");
        assertEquals("/admin/index.xhtml", ADMIN.path(), "USER_ADMIN lands in the admin console");
        for (String tile : List.of("users", "grants", "teams", "service-accounts", "access-reviews")) {
            assertFalse(ADMIN.driver().findElements(By.id(tile)).isEmpty(), "the policy gives admin " + tile);
        }
        assertTrue(ADMIN.driver().findElements(By.id("holds")).isEmpty(), "no legal holds for a user administrator");
        shot(ADMIN, "01-index-admin");

        ADMIN.byId("users").click();
        ADMIN.await(driver -> ADMIN.path().startsWith("/admin/users.xhtml"));
        ADMIN.type("q", "agent");
        new Select(ADMIN.byId("region")).selectByValue("EU");
        ADMIN.submit("search-submit");
        assertTrue(ADMIN.path().contains("q=agent") && ADMIN.path().contains("region=EU"), "filters are in the address");
        List<String> shown = ADMIN.driver().findElements(By.cssSelector(".user-name")).stream()
                .map(WebElement::getText).toList();
        assertTrue(shown.contains("agent.eu") && !shown.contains("agent.us"), shown.toString());
        shot(ADMIN, "02-users");

        ADMIN.byId("new-user").click();
        ADMIN.await(driver -> ADMIN.path().startsWith("/admin/new-user.xhtml"));
        ADMIN.type("newUser:username", "Not Valid");
        ADMIN.type("newUser:displayName", "Pat Admin-Test");
        ADMIN.submit("newUser:create");
        WebElement beside = ADMIN.await(driver -> driver.findElement(By.xpath(
                "//input[@id='newUser:username']/following-sibling::div[contains(@class,'ui-message')]")));
        // the service's rule, next to its field and in the user's words (no internal field name in front of it)
        assertTrue(beside.getText().startsWith("must be 2 to 64 characters"), "the rule beside its field: "
                + beside.getText());
        shot(ADMIN, "03-new-user-invalid");
        ADMIN.type("newUser:username", NAME);
        ADMIN.type("newUser:email", NAME + "@example.com");
        label(ADMIN, "newUser:roles", "Agent").click();
        label(ADMIN, "newUser:regions", "EU").click();
        ADMIN.submit("newUser:create");
        assertEquals("/admin/user.xhtml?username=" + NAME, ADMIN.path());
        assertTrue(ADMIN.byId("messages").getText().contains("was created"), ADMIN.byId("messages").getText());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'USER_CREATE' and"
                + " resource_id = ? and actor = 'admin'", NAME));
    }

    @Test
    @Order(3)
    void theInvitationLinkIsShownOnceAndSetsThePasswordInAFreshBrowser() throws Exception {
        ADMIN.submit("invite:send");
        String url = ADMIN.byId("invitation-url").getText().trim();
        assertTrue(url.contains("/invitation.xhtml?token="), url);
        assertFalse(ADMIN.byId("invitation-expires").getText().isBlank(), "the expiry is shown");
        assertFalse(ADMIN.driver().findElements(By.id("copy-invitation")).isEmpty(), "a copy button");
        shot(ADMIN, "04-user-invited");
        ADMIN.driver().navigate().refresh();
        ADMIN.await(driver -> driver.findElements(By.id("summary")).size() == 1);
        assertTrue(ADMIN.driver().findElements(By.id("invitation-url")).isEmpty(), "a reload shows the link no more");
        assertFalse(ADMIN.driver().getPageSource().contains(url.substring(url.indexOf("token=") + 6)));

        OTHER.reset();
        OTHER.open(url.substring(url.indexOf("/invitation.xhtml")));
        String chosen = "correct horse battery " + SUFFIX;
        OTHER.type("invitation:password", chosen);
        OTHER.type("invitation:repeated", chosen);
        OTHER.submit("invitation:submit");
        assertEquals("/index.xhtml", OTHER.path(), "the invited agent is signed in");
        assertEquals(200, api().login(NAME, chosen).status(), "the password chosen works");
        OTHER.reset();
    }

    @Test
    @Order(4)
    void supervisorIsRequestedAndWaitsUntilThePrivacyOfficerApproves() throws Exception {
        ADMIN.open("/admin/user.xhtml?username=" + NAME);
        label(ADMIN, "profile:roles", "Supervisor").click();
        ADMIN.submit("profile:save");
        String messages = ADMIN.byId("messages").getText();
        assertTrue(messages.contains("Supervisor requested — waiting for a second person's approval"), messages);
        assertTrue(ADMIN.byId("pending").getText().contains("Supervisor"), "the page says what waits");
        shot(ADMIN, "05-user-pending");
        assertFalse(roles(NAME).contains("SUPERVISOR"), "not given yet");

        ADMIN.open("/admin/grants.xhtml");
        WebElement own = row(ADMIN, NAME);
        assertTrue(own.getText().contains("you asked for this"), "one's own request says why it cannot be decided");
        assertTrue(own.findElements(By.cssSelector("button[id$=':approve']")).isEmpty(), "and offers no approve");
        shot(ADMIN, "06-grants-own");

        signInAndEnroll(OTHER, "privacy");
        assertEquals("/admin/index.xhtml", OTHER.path());
        assertFalse(OTHER.driver().findElements(By.id("grants")).isEmpty(), "privacy sees the grants page");
        assertFalse(OTHER.driver().findElements(By.id("access-reviews")).isEmpty(), "and the reviews");
        assertTrue(OTHER.driver().findElements(By.id("service-accounts")).isEmpty(), "not service accounts");
        OTHER.byId("grants").click();
        OTHER.await(driver -> OTHER.path().startsWith("/admin/grants.xhtml"));
        shot(OTHER, "07-grants-privacy");
        OTHER.submit(row(OTHER, NAME).findElement(By.cssSelector("button[id$=':approve']")).getAttribute("id"));
        assertTrue(OTHER.byId("messages").getText().contains("Supervisor given to " + NAME),
                OTHER.byId("messages").getText());
        assertEquals("/admin/grants.xhtml", OTHER.path(), "after the action, a GET: a reload repeats nothing");
        assertTrue(roles(NAME).contains("SUPERVISOR"), "given after the second person's approval");
        OTHER.reset();
    }

    @Test
    @Order(5)
    void aTeamIsCreatedAndTheUserAddedWhichTheUsersApiShows() throws Exception {
        String key = "it-adm-" + SUFFIX;
        ADMIN.open("/admin/teams.xhtml");
        ADMIN.type("newTeam:key", key);
        ADMIN.type("newTeam:name", "IT Admin " + SUFFIX);
        new Select(ADMIN.byId("newTeam:region")).selectByValue("EU");
        ADMIN.submit("newTeam:create");
        assertEquals("/admin/teams.xhtml?team=" + key, ADMIN.path());
        WebElement picker = ADMIN.byId("members:username_input");
        assertTrue(picker.getAttribute("innerHTML").contains(NAME), "the new EU agent may join");
        assertFalse(picker.getAttribute("innerHTML").contains("agent.us"), "a US agent may not");
        ((JavascriptExecutor) ADMIN.driver()).executeScript("arguments[0].value = arguments[1]", picker, NAME);
        ADMIN.submit("members:add");
        assertTrue(ADMIN.byId("messages").getText().contains(NAME + " is in " + key), ADMIN.byId("messages").getText());
        assertTrue(ADMIN.byId("memberList:members").getText().contains(NAME));
        shot(ADMIN, "08-teams");

        // the users API shows the team, and sets teams through the team service
        Api api = api();
        assertEquals(List.of(key), strings(api.get("api/v1/users/" + NAME, adminToken).json(), "teams"));
        Reply unknown = api.patch("api/v1/users/" + NAME, adminToken, "{\"teams\":[\"" + key + "\",\"no-such-team\"]}");
        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.body().contains("no-such-team") && unknown.body().contains("\"teams\""), unknown.body());
        Reply none = api.patch("api/v1/users/" + NAME, adminToken, "{\"teams\":[]}");
        assertEquals(200, none.status(), none.toString());
        assertEquals(List.of(), strings(none.json(), "teams"));
        Reply again = api.patch("api/v1/users/" + NAME, adminToken, "{\"teams\":[\"" + key + "\"]}");
        assertEquals(List.of(key), strings(again.json(), "teams"), again.body());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TEAM_MEMBER_REMOVE' and"
                + " resource_id = ? and fields like ?", key, "%member-=" + NAME + "%"));
    }

    @Test
    @Order(6)
    void aServiceAccountGetsAKeyShownOnceThatWorks() throws Exception {
        String account = "it-sa-" + SUFFIX;
        ADMIN.open("/admin/service-accounts.xhtml");
        ADMIN.type("newAccount:name", account);
        label(ADMIN, "newAccount:scopes", "tickets:read").click();
        label(ADMIN, "newAccount:regions", "EU").click();
        ADMIN.submit("newAccount:create");
        assertTrue(ADMIN.byId("messages").getText().contains(account + " acts as AGENT"),
                ADMIN.byId("messages").getText());
        WebElement section = ADMIN.byId("account-" + account);
        ADMIN.submit(section.findElement(By.cssSelector("button[id$=':create-key']")).getAttribute("id"));
        String secret = ADMIN.byId("new-key-secret").getText().trim();
        assertTrue(secret.startsWith("cst_"), secret);
        assertFalse(ADMIN.driver().findElements(By.id("copy-key")).isEmpty());
        shot(ADMIN, "09-service-accounts-key");
        assertEquals(200, api().get("api/v1/tickets?size=1", secret).status(), "the key works");
        ADMIN.driver().navigate().refresh();
        ADMIN.await(driver -> !driver.findElements(By.id("newAccount")).isEmpty());
        assertTrue(ADMIN.driver().findElements(By.id("new-key-secret")).isEmpty(), "shown once");
        assertFalse(ADMIN.driver().getPageSource().contains(secret));
    }

    @Test
    @Order(7)
    void anAccessReviewIsOpenedAndAnItemDecided() throws Exception {
        ADMIN.open("/admin/access-reviews.xhtml");
        ADMIN.type("newReview:title", "IT review " + SUFFIX);
        new Select(ADMIN.byId("newReview:region")).selectByValue("EU");
        new Select(ADMIN.byId("newReview:role")).selectByValue("AGENT");
        ((JavascriptExecutor) ADMIN.driver()).executeScript("arguments[0].value = arguments[1]",
                ADMIN.byId("newReview:deadline"), LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
        ADMIN.type("newReview:reviewer", "admin");
        ADMIN.submit("newReview:open");
        assertTrue(ADMIN.path().startsWith("/admin/access-reviews.xhtml?id="), ADMIN.path());
        WebElement item = row(ADMIN, NAME);
        String keep = item.findElement(By.cssSelector("button[id$=':keep']")).getAttribute("id");
        ADMIN.submit(keep);
        WebElement message = ADMIN.await(driver -> driver.findElement(By.xpath("//input[@id='"
                + keep.replace(":keep", ":reason") + "']/following-sibling::div[contains(@class,'ui-message')]")));
        assertTrue(message.getText().contains("reason"), "a missing reason is named in its row: " + message.getText());
        ADMIN.type(keep.replace(":keep", ":reason"), "still works the EU queue");
        ADMIN.submit(keep);
        assertTrue(ADMIN.byId("messages").getText().contains("KEPT"), ADMIN.byId("messages").getText());
        assertTrue(row(ADMIN, NAME).getText().contains("kept"));
        assertFalse(ADMIN.driver().findElements(By.id("dormant-list")).isEmpty(), "the dormant accounts report");
        shot(ADMIN, "10-access-review");

        ADMIN.byId("close:submit").click();
        ADMIN.await(driver -> driver.findElement(By.id("confirm-yes")).isDisplayed());
        ADMIN.submit("confirm-yes");
        assertTrue(ADMIN.byId("messages").getText().contains("is closed"), ADMIN.byId("messages").getText());
        shot(ADMIN, "11-access-review-closed");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> roles(String username) {
        return strings(api().get("api/v1/users/" + username, adminToken).json(), "roles");
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The label of a checkbox in a group, by its text. */
    private static WebElement label(Browser browser, String group, String text) {
        return browser.await(driver -> driver.findElement(By.xpath("//label[starts-with(@for,'" + group + ":') and"
                + " normalize-space(.)='" + text + "']")));
    }

    /** The table row that mentions the user. */
    private static WebElement row(Browser browser, String username) {
        return browser.await(driver -> driver.findElements(By.cssSelector("tr")).stream()
                .filter(tr -> tr.getText().contains(username)).findFirst().orElse(null));
    }

    /** A screenshot to look at: target/admin-screenshots/{name}.png, the whole page. */
    private static void shot(Browser browser, String name) throws Exception {
        Path directory = Path.of("target", "admin-screenshots");
        Files.createDirectories(directory);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 40, 4000)));
        File file = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    /** First sign-in of a role that needs a second factor: enroll with the key shown, as PortalIT does. */
    private static void signInAndEnroll(Browser browser, String username) {
        browser.signIn(username);
        assertEquals("/enroll.xhtml", browser.path(), username + "'s role must enroll a second factor");
        browser.enrollSecondFactor();
    }
}
