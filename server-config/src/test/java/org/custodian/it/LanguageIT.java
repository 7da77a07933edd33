package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
    static final Browser BROWSER = new Browser().freshEachTest();

    @RegisterExtension
    static final Browser GERMAN_BROWSER = new Browser("de").freshEachTest();

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

    /**
     * The older pages in German too (#23): New ticket, a ticket with its fields, history and comment form, the
     * customer page and its register form. Statuses and priorities are words, never the stored values. The
     * browser asks for German too (the sign-in page follows it), the profile decides from the password step on.
     */
    @Test
    @Order(4)
    void anAgentWithAGermanBrowserWorksATicketInGerman() throws Exception {
        // the demo users' profiles say English (the column's default): German for this test, English again after
        Sql.update("update app_user set locale = 'de' where username = 'agent.eu'");
        try {
            agentPagesInGerman();
        } finally {
            Sql.update("update app_user set locale = 'en' where username = 'agent.eu'");
        }
    }

    private void agentPagesInGerman() {
        Api api = api();
        String agent = api.token("agent.eu");
        Reply customer = api.post("api/v1/customers", agent, Json.createObjectBuilder()
                .add("name", "Erika Muster " + SUFFIX).add("region", "EU").build().toString());
        assertEquals(201, customer.status(), customer.toString());
        long customerId = customer.json().getJsonNumber("id").longValue();
        Reply ticket = api.post("api/v1/tickets", agent, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Drucker druckt nicht " + SUFFIX).add("description", "Seit gestern.")
                .add("category", "BILLING").add("priority", "HIGH").build().toString());
        assertEquals(201, ticket.status(), ticket.toString());
        long ticketId = ticket.json().getJsonNumber("id").longValue();

        signIn(GERMAN_BROWSER, "agent.eu");
        GERMAN_BROWSER.open("/new-ticket.xhtml");
        assertEquals("Neues Ticket", GERMAN_BROWSER.find("h1").getText());
        assertLabel("newTicket:subject", "Betreff");
        assertLabel("newTicket:description", "Beschreibung");
        assertLabel("newTicket:priority", "Priorität");
        assertEquals("Ticket eröffnen", GERMAN_BROWSER.byId("newTicket:open").getText().trim());
        assertTrue(GERMAN_BROWSER.byId("newTicket:priority").getText().contains("Dringend"),
                "the priorities are offered in words");
        assertNoEnglish("Subject", "Description", "Priority", "Open ticket", "URGENT");
        GERMAN_BROWSER.screenshot("language-new-ticket-de");

        GERMAN_BROWSER.open("/ticket.xhtml?id=" + ticketId);
        assertEquals("Ticket " + ticketId, GERMAN_BROWSER.find("h1").getText());
        assertEquals("Offen", GERMAN_BROWSER.byId("field-status").getText(), "the status in words, not OPEN");
        assertEquals("Hoch", GERMAN_BROWSER.byId("field-priority").getText(), "the priority in words, not HIGH");
        String terms = GERMAN_BROWSER.find("dl.fields").getText();
        assertTrue(terms.contains("Betreff") && terms.contains("Beschreibung") && terms.contains("Erstellt"), terms);
        assertLabel("comment:body", "Neuer Kommentar");
        assertLabel("comment:visibility", "Sichtbar für");
        assertEquals("Kommentar hinzufügen", GERMAN_BROWSER.byId("comment:add").getText().trim());
        assertNoEnglish("Subject", "Description", "Comments", "Add comment", "New comment", "Visible to", "Created",
                "Customer and staff", "OPEN", "HIGH");
        new Select(GERMAN_BROWSER.byId("status:newStatus")).selectByValue("IN_PROGRESS");
        GERMAN_BROWSER.submit("status:change");
        String changed = GERMAN_BROWSER.byId("messages").getText();
        assertTrue(changed.contains("Ticket " + ticketId + " ist jetzt In Bearbeitung"), changed);
        assertEquals("In Bearbeitung", GERMAN_BROWSER.byId("field-status").getText());
        String history = GERMAN_BROWSER.byId("history").getText();
        assertTrue(history.contains("Status: Offen → In Bearbeitung"), history);
        assertFalse(history.contains("IN_PROGRESS"), history);
        GERMAN_BROWSER.screenshot("language-ticket-de");

        GERMAN_BROWSER.open("/customer.xhtml?id=" + customerId);
        assertEquals("Kunde " + customerId, GERMAN_BROWSER.find("#customer h2").getText());
        assertLabel("newCustomer:name", "Name");
        assertLabel("newCustomer:phone", "Telefon");
        assertEquals("Anlegen", GERMAN_BROWSER.byId("newCustomer:register").getText().trim());
        GERMAN_BROWSER.submit("newCustomer:register");
        String required = GERMAN_BROWSER.driver().findElement(By.cssSelector("[id='newCustomer'] .field")).getText();
        assertTrue(required.contains("Geben Sie den Namen des Kunden ein"), required);
        assertNoEnglish("Register", "Phone", "Not shown to you", "Registered", "Enter the customer");
        GERMAN_BROWSER.screenshot("language-customer-de");
    }

    /** The privacy officer's and the auditor's older pages in German (#23): requests, holds, retention, records, jobs. */
    @Test
    @Order(5)
    void thePrivacyPagesInGerman() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        Reply customer = api.post("api/v1/customers", agent, "{\"name\":\"Gesperrte Kundin\",\"region\":\"EU\"}");
        assertEquals(201, customer.status(), customer.toString());
        long customerId = customer.json().getJsonNumber("id").longValue();
        Sql.update("delete from user_second_factor where username in ('privacy', 'auditor')");
        Sql.update("update app_user set locale = 'de' where username in ('privacy', 'auditor')");
        try {
            signIn(GERMAN_BROWSER, "privacy");
            GERMAN_BROWSER.open("/admin/privacy.xhtml");
            assertEquals("Betroffenenanfragen und Einwilligungen", GERMAN_BROWSER.find("h1").getText());
            new Select(GERMAN_BROWSER.byId("newRequest:type")).selectByValue("ACCESS");
            GERMAN_BROWSER.type("newRequest:customerId", String.valueOf(customerId));
            GERMAN_BROWSER.submit("newRequest:submit");
            String registered = GERMAN_BROWSER.byId("messages").getText();
            assertTrue(registered.matches("(?s).*Anfrage [0-9]+ ist fällig am .*"), registered);
            String requestId = registered.replaceAll("(?s).*Anfrage ([0-9]+) ist fällig.*", "$1");
            String row = row("requests", ".request-id", requestId);
            assertTrue(row.contains("Auskunft") && row.contains("Eingegangen"), row);
            assertNoEnglish("Requests", "Register a request", "Move a request along", "Consent lookup", "Look up",
                    "Subject records", "ACCESS", "RECEIVED", "Registered");
            GERMAN_BROWSER.screenshot("language-privacy-de");

            GERMAN_BROWSER.open("/admin/holds.xhtml");
            assertEquals("Rechtliche Sperren", GERMAN_BROWSER.find("h1").getText());
            new Select(GERMAN_BROWSER.byId("place:scope")).selectByValue("CUSTOMER");
            GERMAN_BROWSER.type("place:customerId", String.valueOf(customerId));
            GERMAN_BROWSER.type("place:reason", "Rechtsstreit " + SUFFIX);
            GERMAN_BROWSER.type("place:authority", "Az. 42/2026");
            GERMAN_BROWSER.submit("place:submit");
            String placed = GERMAN_BROWSER.byId("messages").getText();
            assertTrue(placed.matches("(?s).*Rechtliche Sperre [0-9]+ ist in Kraft.*"), placed);
            long holdId = Sql.longValue("select id from legal_hold where reason = ?", "Rechtsstreit " + SUFFIX);
            String hold = row("holds", ".hold-id", String.valueOf(holdId));
            assertTrue(hold.contains("Aktiv") && hold.contains("Kunde " + customerId), hold);
            assertNoEnglish("Place a hold", "Release hold", "Reason", "ACTIVE", "CUSTOMER", "Hold placed");
            GERMAN_BROWSER.screenshot("language-holds-de");
            // released again, so no later class finds the customer held
            GERMAN_BROWSER.type("release:holdId", String.valueOf(holdId));
            GERMAN_BROWSER.type("release:releaseReason", "Test beendet");
            GERMAN_BROWSER.submit("release:submit");
            String released = row("holds", ".hold-id", String.valueOf(holdId));
            assertTrue(released.contains("Aufgehoben"), released);

            GERMAN_BROWSER.open("/admin/retention.xhtml");
            assertEquals("Aufbewahrung", GERMAN_BROWSER.find("h1").getText());
            assertLabel("policy:clock", "Gezählt ab");
            assertNoEnglish("Policies", "New policy", "Counted from", "Save policy", "Preview the purge",
                    "AFTER_CLOSURE", "ANONYMIZE");
            GERMAN_BROWSER.screenshot("language-retention-de");

            GERMAN_BROWSER.open("/admin/records.xhtml");
            String records = GERMAN_BROWSER.find("main").getText();
            assertTrue(records.contains("Zwecke") && records.contains("Sicherheitsmaßnahmen"), records);
            assertNoEnglish("Purposes", "Security measures", "Seen in full by", "Legal basis");
            GERMAN_BROWSER.screenshot("language-records-de");

            GERMAN_BROWSER.reset();
            signIn(GERMAN_BROWSER, "auditor");
            GERMAN_BROWSER.open("/admin/jobs.xhtml");
            assertEquals("Batch-Jobs", GERMAN_BROWSER.find("h1").getText());
            assertNoEnglish("Executions", "Exit status", "Started", "No job has run yet");
            GERMAN_BROWSER.screenshot("language-jobs-de");
        } finally {
            Sql.update("delete from user_second_factor where username in ('privacy', 'auditor')");
            Sql.update("update app_user set locale = 'en' where username in ('privacy', 'auditor')");
        }
    }

    /** Signs in a demo user, enrolling a second factor where the role needs one. */
    private static void signIn(Browser browser, String username) {
        browser.signIn(username);
        if (browser.path().startsWith("/enroll.xhtml")) {
            browser.enrollSecondFactor();
        }
        assertFalse(browser.path().startsWith("/login.xhtml"), username + " is signed in");
    }

    private static void assertLabel(String inputId, String text) {
        String label = GERMAN_BROWSER.find("label[for='" + inputId + "']").getText();
        assertTrue(label.contains(text), inputId + ": " + label);
    }

    /** None of the English words is left on the page (its main part: the menu is checked elsewhere). */
    private static void assertNoEnglish(String... words) {
        // what a person reads: the text, the options' and buttons' labels (not the values they send)
        String page = GERMAN_BROWSER.find("main").getText() + " " + String.join(" ",
                GERMAN_BROWSER.driver().findElements(By.cssSelector("main button, main option")).stream()
                        .map(WebElement::getText).toList()) + " " + String.join(" ",
                GERMAN_BROWSER.driver().findElements(By.cssSelector("main input[type=submit]")).stream()
                        .map(element -> element.getAttribute("value")).toList());
        for (String word : words) {
            assertFalse(page.contains(word), "English \"" + word + "\" on " + GERMAN_BROWSER.path() + ": " + page);
        }
    }

    /** The text of the row of {@code table} whose key cell reads {@code key}. */
    private static String row(String table, String keyCell, String key) {
        return GERMAN_BROWSER.driver().findElements(By.cssSelector("[id='" + table + "'] tr")).stream()
                .filter(row -> !row.findElements(By.cssSelector(keyCell)).isEmpty()
                        && row.findElement(By.cssSelector(keyCell)).getText().equals(key))
                .map(WebElement::getText).findFirst().orElse("(no row " + key + " in " + table + ")");
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
