package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Monitoring dedup and the mail leftovers of #24 against a real mail server (GreenMail, as in MailIT): alerts with
 * one fingerprint make one ticket with a counter, a recovery is a comment, a mail becomes a privacy request in one
 * step, a mail that keeps failing intake is held after CUSTODIAN_MAIL_INTAKE_ATTEMPTS (3 here), and the held-mail
 * page releases it. Monitoring senders are the domains in CUSTODIAN_MONITORING_SOURCES (server-config/pom.xml).
 */
class MonitoringDedupIT extends DeployedWar {

    private static final String SUPPORT = "support@custodian.test";
    private static final String AUTHSERV = "mx.custodian.test";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @RegisterExtension
    static final MailServer MAIL = MailServer.withMailboxes(SUPPORT);

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String deliver(String from, String subject, String text, boolean authenticated, String messageId)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from, "Sender"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        String domain = from.substring(from.indexOf('@') + 1);
        message.setHeader("Message-ID", messageId == null ? "<" + UUID.randomUUID() + "@" + domain + ">" : messageId);
        if (authenticated) {
            message.addHeader("Authentication-Results", AUTHSERV + "; spf=pass smtp.mailfrom=" + from
                    + "; dkim=pass header.d=" + domain + "; dmarc=pass header.from=" + domain);
        }
        MAIL.deliver(SUPPORT, message);
        return message.getMessageID();
    }

    private static String deliver(String from, String subject, String text) throws Exception {
        return deliver(from, subject, text, true, null);
    }

    /** Waits for the server to take the mail: status, ticket, comment, customer, created, row id. */
    private static String[] taken(String messageId) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            String row = Sql.text("select status || '|' || coalesce(ticket_id::text, '') || '|'"
                    + " || coalesce(comment_id::text, '') || '|' || coalesce(customer_id::text, '') || '|'"
                    + " || customer_created || '|' || id || '|' || coalesce(reason, '') from mail_message"
                    + " where message_id = ?", messageId);
            if (row != null) {
                return row.split("\\|", -1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not take mail " + messageId + " in 30 s");
    }

    @Test
    void repeatedAlertsAreOneTicketWithACounterAndTheRecoveryIsAComment() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String host = "web-" + suffix();
        String nagios = "nagios@nagios.custodian.test";
        String problem = "** PROBLEM Service Alert: " + host + "/HTTP is CRITICAL **";
        String[] first = taken(deliver(nagios, problem, "HTTP CRITICAL - 503 at 2026-12-07T02:00:01Z, id 7f3a9c21e0"));
        assertEquals("TICKET", first[0], String.join("|", first));
        String ticket = first[1];
        // the same alert again, with other numbers, times, ids and spacing: one ticket, counted
        String[] second = taken(deliver(nagios, "**  PROBLEM Service Alert: " + host + "/HTTP is WARNING **",
                "HTTP WARNING - 2.93 s at 2026-12-07T02:05:01Z, id 0b77aa34de"));
        String[] third = taken(deliver(nagios, problem, "HTTP CRITICAL - 503 at 2026-12-07T02:10:01Z"));
        assertEquals("COMMENT", second[0]);
        assertEquals("COMMENT", third[0]);
        assertEquals(ticket, second[1]);
        assertEquals(ticket, third[1]);

        JsonObject view = api.get("api/v1/tickets/" + ticket, agent).json();
        JsonObject occurrences = view.getJsonObject("occurrences");
        assertEquals(3, occurrences.getInt("count"), view.toString());
        assertEquals("nagios", occurrences.getString("source"));
        assertNotEquals(occurrences.getString("firstSeen"), occurrences.getString("lastSeen"));
        Reply comments = api.get("api/v1/tickets/" + ticket + "/comments", agent);
        assertTrue(comments.body().contains("2026-12-07T02:05:01Z"), comments.body());
        assertEquals(2, comments.array().size(), "each repeat is a comment");
        // each dedup is in the trail, naming the ticket and the fingerprint
        String fingerprint = occurrences.getString("fingerprint");
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'MONITORING_DEDUP'"
                + " and resource_id = ? and fields like ?", ticket, "%fingerprint=" + fingerprint + "%"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MONITORING_OPENED'"
                + " and resource_id = ?", ticket));

        // another host is another alert: a second ticket
        String[] other = taken(deliver(nagios, "** PROBLEM Service Alert: " + host + "-b/HTTP is CRITICAL **", "x"));
        assertEquals("TICKET", other[0]);
        assertNotEquals(ticket, other[1]);

        // the recovery is a comment on the alert's ticket; the ticket stays open (close-on-recovery is off)
        String[] recovery = taken(deliver(nagios, "** RECOVERY Service Alert: " + host + "/HTTP is OK **",
                "HTTP OK - 200 in 0.12 s"));
        assertEquals("COMMENT", recovery[0]);
        assertEquals(ticket, recovery[1]);
        JsonObject after = api.get("api/v1/tickets/" + ticket, agent).json();
        assertEquals("OPEN", after.getString("status"));
        assertTrue(after.getJsonObject("occurrences").containsKey("recoveredAt"), after.toString());
        assertEquals(3, after.getJsonObject("occurrences").getInt("count"), "a recovery is not an occurrence");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MONITORING_RECOVERED'"
                + " and resource_id = ?", ticket));
        // the ticket page shows the counter to the agent
        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> !BROWSER.path().startsWith("/login.xhtml"));
        BROWSER.open("/ticket.xhtml?id=" + ticket);
        assertEquals("3", BROWSER.byId("occurrences-count").getText());
        assertFalse(BROWSER.byId("occurrences-recovered").getText().isBlank());
        assertTrue(BROWSER.driver().findElements(By.id("field-occurrences")).isEmpty(),
                "the counter has its section, not a raw row among the fields");
        BROWSER.screenshot("ticket-occurrences");
        // a recovery of nothing open makes nothing; other senders are not deduplicated
        String[] stray = taken(deliver("zabbix@zabbix.custodian.test", "Resolved in 5m: Disk full on db-" + suffix(),
                "ok"));
        assertEquals("IGNORED", stray[0]);
        String person = "person." + suffix() + "@example.org";
        String forwarded = taken(deliver(person, problem, "forwarded"))[1];
        assertEquals("TICKET", taken(deliver(person, problem, "forwarded again"))[0]);
        // a ticket that no alert made carries no counter (and its read does not ask for one: has_occurrences)
        assertFalse(api.get("api/v1/tickets/" + forwarded, agent).json().containsKey("occurrences"));
        assertEquals(0, Sql.longValue("select count(*) from ticket where id = ? and has_occurrences",
                Long.parseLong(forwarded)));
        assertEquals(1, Sql.longValue("select count(*) from ticket where id = ? and has_occurrences",
                Long.parseLong(ticket)));
    }

    @Test
    void aMailAskingForErasureBecomesAPrivacyRequestInOneStep() throws Exception {
        Api api = api();
        String from = "erase." + suffix() + "@example.org";
        String[] mail = taken(deliver(from, "Delete my data", "Please erase everything you hold about me."));
        assertEquals("TICKET", mail[0]);
        String ticket = mail[1];
        String agent = api.token("agent.eu");
        String path = "api/v1/tickets/" + ticket + "/privacy-request";

        Reply bad = api.post(path, agent, "{\"type\":\"FORGET_ME\"}");
        assertTrue(bad.status() == 400 || bad.status() == 422, bad.toString());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.toString());
        assertEquals(403, api.post(path, api.token("operator"), "{\"type\":\"ERASURE\"}").status());
        assertEquals(404, api.post(path, api.token("agent.us"), "{\"type\":\"ERASURE\"}").status(),
                "a ticket of another region is not found");

        Reply made = api.post(path, agent, "{\"type\":\"ERASURE\"}");
        assertEquals(201, made.status(), made.toString());
        JsonObject request = made.json();
        assertEquals("ERASURE", request.getString("type"));
        assertEquals("RECEIVED", request.getString("status"));
        assertFalse(request.getBoolean("identityVerified"), "the privacy officer verifies the identity");
        assertEquals(Long.parseLong(ticket), request.getJsonNumber("sourceTicketId").longValue());
        assertEquals(Long.parseLong(mail[5]), request.getJsonNumber("sourceMailId").longValue());
        assertTrue(made.header("Location").orElseThrow().endsWith("/api/v1/privacy/requests/" + request.getInt("id")));

        JsonObject registered = api.get("api/v1/privacy/requests/" + request.getInt("id"), api.token("privacy"))
                .json();
        assertEquals(mail[3], registered.getJsonArray("subjectCustomerIds").get(0).toString());
        assertEquals("agent.eu", registered.getString("createdBy"));
        assertEquals(ticket, Sql.text("select source_ticket_id::text from privacy_request where id = ?",
                (long) request.getInt("id")));
        assertTrue(Sql.text("select fields from audit_event where action = 'PRIVACY_REQUEST_NEW'"
                + " and resource_id = ?", String.valueOf(request.getInt("id"))).contains("mail=" + mail[5]));
    }

    @Test
    void aMailThatKeepsFailingIsHeldAndTheHeldMailPageReleasesIt() throws Exception {
        // a Message-ID longer than the 998 characters a mail line may have: every intake fails on it
        String longId = "<" + "x".repeat(1100) + "@" + suffix() + ".example.org>";
        String from = "long." + suffix() + "@example.org";
        deliver(from, "Invoice question " + suffix(), "Where is my invoice?", true, longId);
        String derived = "<" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(longId.getBytes(StandardCharsets.UTF_8))) + "@long-message-id.invalid>";
        String[] held = taken(derived);
        assertEquals("HELD", held[0], String.join("|", held));
        assertTrue(held[6].startsWith("intake failed 3 times: "), held[6]);
        // the reason names what failed, never the exception's message (which quotes the mail's own values)
        assertTrue(held[6].endsWith("PSQLException (SQL state 22001)"), held[6]);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MAIL_GIVEN_UP'"
                + " and resource_id = ?", held[5]));
        // and an unauthenticated one beside it
        String[] unauthenticated = taken(deliver("who." + suffix() + "@example.org", "Unconfirmed " + suffix(),
                "Please change my address.", false, null));
        assertEquals("HELD", unauthenticated[0]);
        Api api = api();
        Reply list = api.get("api/v1/mail/held", api.token("agent.eu"));
        assertTrue(list.body().contains("intake failed 3 times"), list.body());

        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> !BROWSER.path().startsWith("/login.xhtml"));
        BROWSER.byId("nav-held-mail").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/held-mail.xhtml"));
        BROWSER.find("tr.held-row[data-mail='" + held[5] + "']");
        String row = BROWSER.find("tr.held-row[data-mail='" + held[5] + "']").getText();
        assertTrue(row.contains("after 3 attempts"), row);
        BROWSER.screenshot("held-mail-list");
        BROWSER.find("tr.held-row[data-mail='" + held[5] + "'] .held-actions button").click();
        BROWSER.await(driver -> !driver.findElement(By.id("messages")).getText().isBlank());
        BROWSER.screenshot("held-mail-released");
        assertTrue(BROWSER.path().startsWith("/held-mail.xhtml"), "post-redirect-get back to the list");
        assertTrue(BROWSER.driver().findElements(By.cssSelector("tr.held-row[data-mail='" + held[5] + "']"))
                .isEmpty(), "the released mail is no longer listed");
        assertEquals("TICKET", taken(derived)[0], "released: it opened its ticket");

        // the ticket page offers the privacy request to the agent
        BROWSER.open("/ticket.xhtml?id=" + taken(derived)[1]);
        new org.openqa.selenium.support.ui.Select(BROWSER.byId("privacyRequest:requestType"))
                .selectByValue("ACCESS");
        BROWSER.screenshot("ticket-privacy-request");
        BROWSER.submit("privacyRequest:makeRequest");
        BROWSER.await(driver -> !driver.findElement(By.id("messages")).getText().isBlank());
        assertTrue(BROWSER.path().startsWith("/ticket.xhtml"), "post-redirect-get back to the ticket");
        assertTrue(BROWSER.byId("messages").getText().contains("is with the privacy officer"),
                BROWSER.byId("messages").getText());
        assertEquals(1, Sql.longValue("select count(*) from privacy_request where source_ticket_id = ?"
                + " and request_type = 'ACCESS'", Long.parseLong(taken(derived)[1])));
    }
}
