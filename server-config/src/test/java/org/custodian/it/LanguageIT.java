package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
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
import org.openqa.selenium.WebElement;

/**
 * The portal in the user's language and time zone (#23): German from the profile or from the browser, times in the
 * profile's zone with the exact UTC value on hover. Users of its own, so no other class sees a changed profile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageIT extends DeployedWar {

    private static final String PASSWORD = "a long and fine passphrase";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    /** Reads the people pages (AUDITOR: USER_READ, no second person needed), German, Berlin. */
    private static final String READER = "it.de.reader." + SUFFIX;
    /** Whose last sign-in the reader sees: 2026-12-06 13:03:07 UTC, so 14:03 in Berlin. */
    private static final String SHOWN = "it.de.shown." + SUFFIX;

    private static String recoveryCode;

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @RegisterExtension
    static final Browser GERMAN_BROWSER = new Browser("de");

    @BeforeEach
    void freshBrowsers() {
        BROWSER.base(base.toString());
        BROWSER.reset();
        GERMAN_BROWSER.base(base.toString());
        GERMAN_BROWSER.reset();
    }

    @AfterAll
    static void closeBrowsers() {
        BROWSER.close();
        GERMAN_BROWSER.close();
    }

    @Test
    @Order(1)
    void aBrowserAskingForGermanGetsTheGermanSignInPage() {
        GERMAN_BROWSER.open("/login.xhtml");
        assertEquals("de", GERMAN_BROWSER.find("html").getAttribute("lang"));
        assertEquals("Anmelden", GERMAN_BROWSER.find("h1").getText());
        assertTrue(GERMAN_BROWSER.find("label[for='login:username']").getText().contains("Benutzername"));
        GERMAN_BROWSER.submit("login:submit");
        String messages = GERMAN_BROWSER.byId("messages").getText();
        assertTrue(messages.contains("Geben Sie Ihren Benutzernamen ein"), messages);
        GERMAN_BROWSER.screenshot("language-login-de");

        // an English browser (Chromium's default) keeps English
        BROWSER.open("/login.xhtml");
        assertEquals("en", BROWSER.find("html").getAttribute("lang"));
        assertEquals("Sign in", BROWSER.find("h1").getText());
    }

    @Test
    @Order(2)
    void aUserWhoseProfileSaysGermanAndBerlinSeesThePortalSo() throws Exception {
        Api api = api();
        String admin = api.token("admin");
        create(api, admin, READER, "AUDITOR");
        create(api, admin, SHOWN, "AGENT");
        Sql.update("update app_user set last_sign_in_at = ? where username = ?",
                java.sql.Timestamp.from(Instant.parse("2026-12-06T13:03:07.123456Z")), SHOWN);

        // an English browser: the profile decides, from the second-factor step on
        BROWSER.open("/login.xhtml");
        BROWSER.type("login:username", READER);
        BROWSER.type("login:password", PASSWORD);
        BROWSER.submit("login:submit");
        assertEquals("/enroll.xhtml", BROWSER.path(), "an auditor enrolls a second factor");
        assertEquals("Zweiten Faktor einrichten", BROWSER.find("h1").getText());
        BROWSER.screenshot("language-enroll-de");
        String secret = BROWSER.byId("secret").getText().trim();
        BROWSER.type("enroll:code", Totp.code(secret, Instant.now().getEpochSecond() / 30));
        BROWSER.submit("enroll:confirm");
        BROWSER.await(driver -> !driver.findElements(By.cssSelector("#recovery-codes li")).isEmpty());
        recoveryCode = BROWSER.driver().findElements(By.cssSelector("#recovery-codes li")).get(0).getText().trim();
        BROWSER.submit("done:continue");
        BROWSER.await(driver -> !BROWSER.path().startsWith("/enroll.xhtml"));

        BROWSER.open("/admin/index.xhtml");
        assertEquals("de", BROWSER.find("html").getAttribute("lang"));
        assertEquals("Verwaltung", BROWSER.find("h1").getText());
        assertEquals("Verwaltung", BROWSER.byId("nav-admin").getText());
        assertEquals("Abmelden", BROWSER.byId("session:signOut").getAttribute("value"));
        assertTrue(BROWSER.byId("signed-in-as").getText().contains("Prüfer"), BROWSER.byId("signed-in-as").getText());
        assertEquals("Benutzer", BROWSER.byId("users").getText());
        BROWSER.screenshot("language-admin-de");

        BROWSER.open("/admin/users.xhtml?q=" + SHOWN);
        assertEquals("Benutzer", BROWSER.find("h1").getText());
        assertTrue(BROWSER.find("#search-submit").getText().contains("Suchen"));
        WebElement time = BROWSER.find("#users time");
        assertEquals("6. Dez. 2026, 14:03", time.getText());
        assertEquals("2026-12-06 13:03:07 UTC", time.getAttribute("title"));
        assertEquals("2026-12-06T13:03:07Z", time.getAttribute("datetime"));
        BROWSER.screenshot("language-users-de");

        BROWSER.open("/admin/user.xhtml?username=" + SHOWN);
        String summary = BROWSER.byId("summary").getText();
        assertTrue(summary.contains("6. Dez. 2026, 14:03"), summary);
        assertTrue(summary.contains("Letzte Anmeldung"), summary);
        BROWSER.screenshot("language-user-de");
    }

    @Test
    @Order(3)
    void anEnglishProfileInBerlinSeesEnglishWithBerlinTime() throws Exception {
        Sql.update("update app_user set locale = 'en' where username = ?", READER);
        BROWSER.open("/login.xhtml");
        assertEquals("Sign in", BROWSER.find("h1").getText());
        BROWSER.type("login:username", READER);
        BROWSER.type("login:password", PASSWORD);
        BROWSER.submit("login:submit");
        assertEquals("/second-factor.xhtml", BROWSER.path());
        assertEquals("Second factor", BROWSER.find("h1").getText());
        BROWSER.type("verify:code", recoveryCode);
        BROWSER.submit("verify:submit");
        BROWSER.open("/admin/users.xhtml?q=" + SHOWN);
        assertEquals("Users", BROWSER.find("h1").getText());
        WebElement time = BROWSER.find("#users time");
        assertEquals("6 Dec 2026, 14:03", time.getText());
        assertEquals("2026-12-06 13:03:07 UTC", time.getAttribute("title"));
    }

    private static void create(Api api, String admin, String username, String role) {
        String user = Json.createObjectBuilder().add("username", username).add("displayName", "Test " + username)
                .add("email", username + "@example.com").add("roles", Json.createArrayBuilder().add(role))
                .add("regions", Json.createArrayBuilder().add("EU")).add("timeZone", "Europe/Berlin")
                .add("locale", "de").build().toString();
        Reply created = api.post("api/v1/users", admin, user);
        assertEquals(201, created.status(), created.toString());
        Reply invited = api.post("api/v1/users/" + username + "/invitation", admin, null);
        assertEquals(201, invited.status(), invited.toString());
        Reply accepted = api.post("api/v1/invitations/accept", null, Json.createObjectBuilder()
                .add("token", invited.json().getString("token")).add("password", PASSWORD).build().toString());
        assertEquals(200, accepted.status(), accepted.toString());
    }
}
