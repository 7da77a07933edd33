package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications of staff (#24) against a real mail server: GreenMail in this JVM on the SMTP port the server mails
 * to (as MailIT). Each test makes users of its own (with a mail address, which the demo users lack) and checks the
 * outbox rows and the in-app entries in the database, which the change writes in its own transaction.
 */
class NotificationIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @RegisterExtension
    static final MailServer MAIL = MailServer.smtp();

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user with a mail address and a language, who signs in with a token only. */
    private static String user(String prefix, String role, String region, String locale) throws Exception {
        String username = prefix + "-" + suffix();
        long id = Sql.longValue("select nextval('app_user_seq')");
        Sql.update("insert into app_user (id, username, display_name, password_hash, enabled, created_at, email, locale)"
                + " values (?, ?, ?, 'none', true, now(), ?, ?)", id, username, "IT " + username, address(username),
                locale);
        Sql.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
        Sql.update("insert into app_user_region (user_id, region) values (?, ?)", id, region);
        return username;
    }

    private static String address(String username) {
        return username + "@staff.custodian.test";
    }

    private long ticket(Api api, String token, String subject, String description, String assignee) {
        long customer = TestData.createCustomer(api, token, "EU");
        var body = Json.createObjectBuilder().add("customerId", customer).add("subject", subject)
                .add("description", description).add("category", "SOFTWARE");
        if (assignee != null) {
            body.add("assignee", assignee);
        }
        Reply reply = api.post("api/v1/tickets", token, body.build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static List<MimeMessage> receivedBy(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.received()) {
            for (jakarta.mail.Address to : message.getAllRecipients()) {
                if (((InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static MimeMessage awaitMail(String address) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            List<MimeMessage> found = receivedBy(address);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " within 60 s");
    }

    private static long inApp(String username, String topic) throws Exception {
        return Sql.longValue("select count(*) from notification where recipient_user = ? and topic = ?", username,
                topic);
    }

    private static long outbox(String username) throws Exception {
        return Sql.longValue("select count(*) from notification_mail where recipient = ?", username);
    }

    @Test
    void theAssigneeGetsAMailWithTheReferenceAndOnlyWhatTheyMaySee() throws Exception {
        Api api = api();
        String agentEu = api.token("agent.eu");
        String assignee = user("nt-assigned", "AGENT", "EU", "en");
        String s = suffix();
        // the subject names the customer's address (an agent sees it masked), the description is not for mail
        long id = ticket(api, agentEu, "VPN drops for jane." + s + "@example.org", "Notes SECRET-" + s, assignee);

        MimeMessage mail = awaitMail(address(assignee));
        String subject = mail.getSubject();
        String text = mail.getContent().toString();
        assertTrue(subject.startsWith("Assigned to you: "), subject);
        assertTrue(subject.contains("#" + id), "the ticket reference: " + subject);
        // the subject exactly as the assignee's own view shows it, which masks the address
        String shown = api.get("api/v1/tickets/" + id, Tokens.forUser(assignee, "AGENT", List.of("EU"))).json()
                .getString("subject");
        assertNotEquals("VPN drops for jane." + s + "@example.org", shown);
        assertTrue(subject.endsWith(shown), subject + " / " + shown);
        for (String part : new String[] {subject, text}) {
            assertFalse(part.contains("jane." + s), "the masked address is nowhere: " + part);
            assertFalse(part.contains("SECRET-" + s), "no description: " + part);
            assertFalse(part.contains("Test Customer"), "no customer name: " + part);
        }
        assertTrue(text.contains("agent.eu assigned ticket"), text);
        assertTrue(text.contains("ticket.xhtml?id=" + id), "a link to the ticket: " + text);
        assertEquals(1, inApp(assignee, "ASSIGNED"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'NOTIFICATION_MAIL_SENT'"
                + " and fields like ?", "%to=user:" + assignee + "%"));
    }

    @Test
    void aMentionReachesOnlyWhoMaySeeTheTicket() throws Exception {
        Api api = api();
        String agentEu = api.token("agent.eu");
        String colleague = user("nt-mentioned", "AGENT", "EU", "en");
        // a contractor without an access grant may not see the ticket: they are not told of it at all
        String outsider = user("nt-outsider", "CONTRACTOR", "EU", "en");
        long id = ticket(api, agentEu, "Printer jam", "Paper tray 2", null);
        Reply comment = api.post("api/v1/tickets/" + id + "/comments", agentEu, Json.createObjectBuilder()
                .add("body", "@" + colleague + " and @" + outsider + ": please have a look")
                .add("visibility", "INTERNAL").build().toString());
        assertEquals(201, comment.status(), comment.toString());

        MimeMessage mail = awaitMail(address(colleague));
        assertTrue(mail.getSubject().startsWith("You were mentioned: "), mail.getSubject());
        assertFalse(mail.getContent().toString().contains("please have a look"), "no comment body in the mail");
        assertEquals(1, inApp(colleague, "MENTION"));
        // written in the comment's transaction: had the outsider been told, the rows would be there by now
        assertEquals(0, inApp(outsider, "MENTION"));
        assertEquals(0, outbox(outsider));
        assertEquals(List.of(), receivedBy(address(outsider)));
    }

    @Test
    void withMailTurnedOffTheListShowsItInTheirLanguageAndNoMailIsSent() throws Exception {
        Api api = api();
        String user = user("nt-quiet", "AGENT", "EU", "de");
        String token = Tokens.forUser(user, "AGENT", List.of("EU"));
        String path = "api/v1/me/notification-preferences";

        JsonObject defaults = api.get(path, token).json();
        assertTrue(defaults.getBoolean("mailAddress"));
        assertEquals("{\"event\":\"ASSIGNED\",\"inApp\":true,\"mail\":true}",
                defaults.getJsonArray("preferences").get(0).toString());
        Reply unknown = api.send("PUT", path, token, "application/json",
                "{\"preferences\":[{\"event\":\"MENTION\",\"mail\":true},{\"event\":\"NEWSLETTER\",\"mail\":true}]}");
        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.body().contains("preferences[1].event"), unknown.body());
        Reply notAFlag = api.send("PUT", path, token, "application/json",
                "{\"preferences\":[{\"event\":\"MENTION\",\"mail\":\"yes\"}]}");
        assertEquals(422, notAFlag.status(), notAFlag.toString());
        assertTrue(notAFlag.body().contains("preferences[0].mail"), notAFlag.body());
        Reply off = api.send("PUT", path, token, "application/json",
                "{\"preferences\":[{\"event\":\"ASSIGNED\",\"mail\":false}]}");
        assertEquals(200, off.status(), off.toString());
        assertEquals("{\"event\":\"ASSIGNED\",\"inApp\":true,\"mail\":false}",
                off.json().getJsonArray("preferences").get(0).toString());

        long id = ticket(api, api.token("agent.eu"), "Laptop fan", "Noisy", user);
        assertEquals(1, inApp(user, "ASSIGNED"));
        assertEquals(0, outbox(user), "no mail queued");
        // the in-app list says it in the user's language
        boolean listed = false;
        for (JsonValue entry : api.get("api/v1/notifications", token).array()) {
            listed |= entry.asJsonObject().getString("message")
                    .equals("agent.eu hat Ihnen das Ticket #" + id + " zugewiesen.");
        }
        assertTrue(listed, api.get("api/v1/notifications", token).body());
        assertEquals(List.of(), receivedBy(address(user)));
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailButLosesAndDoublesNothing() throws Exception {
        Api api = api();
        String user = user("nt-patient", "AGENT", "EU", "en");
        MAIL.stop();
        long id = ticket(api, api.token("agent.eu"), "Monitor flickers", "Since Monday", user);
        // the outbox keeps trying while the server is down
        long end = System.currentTimeMillis() + 60_000;
        while (Sql.longValue("select coalesce(max(attempts), 0) from notification_mail where recipient = ?", user) < 2
                && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        assertEquals("PENDING", Sql.text("select status from notification_mail where recipient = ?", user));
        assertTrue(Sql.longValue("select attempts from notification_mail where recipient = ?", user) >= 2);
        MAIL.start();
        MimeMessage mail = awaitMail(address(user));
        assertTrue(mail.getSubject().contains("#" + id), mail.getSubject());
        Thread.sleep(4_000); // longer than the backoff: a second copy would have come by now
        assertEquals(1, receivedBy(address(user)).size(), "exactly once");
        assertEquals("SENT", Sql.text("select status from notification_mail where recipient = ?", user));
        // each attempt is itself retried by MicroProfile Fault Tolerance before the outbox backs off
        Reply metrics = api.get("metrics", null);
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("ft_retry_retries_total")
                && line.contains("SmtpMailTransport.send")), "MP FT retried the SMTP send");
    }

    @Test
    void aTeamHearsOfATicketRoutedToItAndOfTheCustomersAnswer() throws Exception {
        Api api = api();
        String member = user("nt-team", "AGENT", "EU", "en");
        String admin = api.token("admin");
        String key = "nt-" + suffix();
        Reply team = api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", key)
                .add("name", "Team " + key).add("region", "EU").build().toString());
        assertEquals(201, team.status(), team.toString());
        Reply added = api.send("PUT", "api/v1/teams/" + key + "/members/" + member, admin, null, null);
        assertEquals(200, added.status(), added.toString());
        String agentEu = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agentEu, "EU");
        Reply ticket = api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", "Scanner offline").add("description", "Floor 3").add("category", "SOFTWARE")
                .add("team", key).build().toString());
        assertEquals(201, ticket.status(), ticket.toString());
        long id = ticket.json().getJsonNumber("id").longValue();
        assertEquals("agent.eu routed ticket #" + id + " to your team Team " + key + ".",
                Sql.text("select message from notification where recipient_user = ? and topic = 'ASSIGNED'", member));

        // the customer's answer, logged through the API as a mail (a customer channel): nobody is named, so the team
        Reply answer = api.post("api/v1/tickets/" + id + "/comments", agentEu, Json.createObjectBuilder()
                .add("body", "Still offline after the restart").add("visibility", "PUBLIC").add("channel", "EMAIL")
                .build().toString());
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("The customer answered ticket #" + id + " of your team Team " + key + ".", Sql.text("select message from notification"
                + " where recipient_user = ? and topic = 'CUSTOMER_REPLY'", member));
        // by default a customer's answer is not mailed; the assignment is
        assertEquals("ASSIGNED", String.join(",", Sql.texts("select event_kind from notification_mail"
                + " where recipient = ?", member)));
        MimeMessage mail = awaitMail(address(member));
        assertTrue(mail.getSubject().startsWith("For your team Team " + key + ": "), mail.getSubject());
    }

    @Test
    void mySettingsShowTheListAndSaveTheChoices() throws Exception {
        Api api = api();
        long id = ticket(api, api.token("agent.eu"), "Docking station", "USB dead", null);
        Reply comment = api.post("api/v1/tickets/" + id + "/comments", api.token("supervisor"),
                Json.createObjectBuilder().add("body", "@agent.eu can you take this?").add("visibility", "INTERNAL")
                        .build().toString());
        assertEquals(201, comment.status(), comment.toString());

        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
        BROWSER.submit("nav-settings");
        String list = BROWSER.byId("my-notifications").getText();
        assertTrue(list.contains("supervisor mentioned you in a comment on ticket #" + id), list);
        assertTrue(BROWSER.byId("notificationSettings:mentionMail").isSelected(), "mail on mention by default");
        BROWSER.byId("notificationSettings:mentionMail").click();
        BROWSER.submit("notificationSettings:save");
        assertTrue(BROWSER.byId("messages").getText().contains("Your notification settings are saved."));
        assertFalse(BROWSER.byId("notificationSettings:mentionMail").isSelected());
        BROWSER.screenshot("notification-settings");
        JsonObject saved = api.get("api/v1/me/notification-preferences", api.token("agent.eu")).json();
        assertEquals("{\"event\":\"MENTION\",\"inApp\":true,\"mail\":false}",
                saved.getJsonArray("preferences").get(2).toString());
        // as it was, for whoever comes next
        assertEquals(200, api.send("PUT", "api/v1/me/notification-preferences", api.token("agent.eu"),
                "application/json", "{\"preferences\":[{\"event\":\"MENTION\",\"mail\":true}]}").status());
    }
}
