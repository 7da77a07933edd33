package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail in and out (#24) against a real mail server: GreenMail in this JVM, SMTP and IMAP on the ports failsafe
 * reserved and gave the server (CUSTODIAN_MAIL_*, server-config/pom.xml). The server polls the support inbox every
 * second and sends its outbox every second; each test uses senders of its own.
 */
class MailIT extends DeployedWar {

    private static final String SUPPORT = "support@custodian.test";
    /** The second mailbox (server-config/pom.xml): its new tickets go to the team it names. */
    private static final String BILLING = "billing@custodian.test";
    private static final String BILLING_TEAM = "it-billing";
    private static final String AUTHSERV = "mx.custodian.test";
    private static final String CARD = "4111 1111 1111 1111";
    private static final Pattern REFERENCE = Pattern.compile("\\[#([0-9]+)-([A-Z2-7]{6})]");

    @RegisterExtension
    static final MailServer MAIL = MailServer.withMailboxes(SUPPORT, BILLING);

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String passing(String from) {
        return AUTHSERV + "; spf=pass smtp.mailfrom=" + from + "; dkim=pass header.d=" + domain(from)
                + "; dmarc=pass header.from=" + domain(from);
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static MimeMessage message(String from, String subject, String text, Map<String, String> headers)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from, "Mail Tester"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(from) + ">");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.addHeader(header.getKey(), header.getValue());
        }
        return message;
    }

    /** Puts the mail into the support inbox (as the receiving server would) and returns its Message-ID. */
    private static String deliver(MimeMessage message) throws Exception {
        MAIL.deliver(SUPPORT, message);
        return message.getMessageID();
    }

    private static String deliver(String from, String subject, String text, Map<String, String> headers)
            throws Exception {
        return deliver(message(from, subject, text, headers));
    }

    /** Waits until the server took the mail; returns its row: status, ticket, comment, customer, created. */
    private static String[] taken(String messageId) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            String row = Sql.text("select status || '|' || coalesce(ticket_id::text, '') || '|'"
                    + " || coalesce(comment_id::text, '') || '|' || coalesce(customer_id::text, '') || '|'"
                    + " || customer_created || '|' || id from mail_message where message_id = ?", messageId);
            if (row != null) {
                return row.split("\\|", -1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not take mail " + messageId + " in 30 s");
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

    private static List<MimeMessage> awaitReceived(String address, int count) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            List<MimeMessage> found = receivedBy(address);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address + " within 30 s");
    }

    private static long ticketsOf(String customerId) throws SQLException {
        return Sql.longValue("select count(*) from ticket where customer_id = ?", Long.parseLong(customerId));
    }

    @Test
    void aMailBecomesATicketForANewCustomerAndTheCardNumberIsNotStored() throws Exception {
        Api api = api();
        String from = "new." + suffix() + "@example.org";
        String id = deliver(from, "Printer offline", "Hello,\nthe printer is offline again.\nMy card " + CARD
                + " was charged twice.\n", Map.of("Authentication-Results", passing(from)));
        String[] row = taken(id);
        assertEquals("TICKET", row[0]);
        assertEquals("true", row[4], "a customer created from mail");
        assertEquals(from, Sql.text("select email from customer where id = ?", Long.parseLong(row[3])));
        assertEquals("EU", Sql.text("select region from customer where id = ?", Long.parseLong(row[3])));

        JsonObject ticket = api.get("api/v1/tickets/" + row[1], api.token("agent.eu")).json();
        assertEquals("Printer offline", ticket.getString("subject"));
        // its category is an active entry of the master list, so the ticket can be worked like any other
        assertEquals(1, Sql.longValue("select count(*) from ticket t join catalog_entry c on c.kind = 'CATEGORY'"
                + " and c.code = t.category and c.retired_at is null where t.id = ?", Long.parseLong(row[1])));
        // the card number is nowhere in the database: not in the ticket, not in the mail row, not in the trail
        assertEquals(List.of(), Sql.columnsHolding("public", CARD));
        assertEquals(List.of(), Sql.columnsHolding("public", CARD.replace(" ", "")));
        // #24: the original message is kept as an attachment, encrypted (the card is in no column in clear), flagged
        assertEquals(1, Sql.longValue("select count(*) from attachment where ticket_id = ? and source_kind = 'MAIL'"
                + " and content_type = 'message/rfc822' and flagged", Long.parseLong(row[1])));
        assertEquals("CREDIT_CARD", Sql.text("select redacted_types from ticket where id = ?",
                Long.parseLong(row[1])));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PII_REDACTED'"
                + " and resource_type = 'TICKET' and resource_id = ?", row[1]));
        // lineage: the trail says the ticket and the customer came from this mail of this mailbox
        assertTrue(Sql.text("select fields from audit_event where action = 'TICKET_CREATE' and resource_id = ?",
                row[1]).contains("source=mail"));
        assertTrue(Sql.text("select fields from audit_event where action = 'CUSTOMER_CREATE' and resource_id = ?",
                row[3]).contains("mailbox=support"));
        assertEquals(64, Sql.text("select raw_sha256 from mail_message where message_id = ?", id).length());
    }

    /** "Mailboxes ... per region/team" (#24): a mailbox that names a team opens its tickets for that team. */
    @Test
    void aMailToATeamsMailboxOpensATicketForThatTeam() throws Exception {
        Api api = api();
        String admin = "it.mailadmin." + suffix();
        PolicyFixtures.createUser(admin, "USER_ADMIN", "EU");
        Api.Reply team = api.post("api/v1/teams", Tokens.forUser(admin, "USER_ADMIN", List.of()),
                "{\"key\":\"" + BILLING_TEAM + "\",\"name\":\"IT billing\",\"region\":\"EU\"}");
        assertTrue(team.status() == 201 || team.status() == 409, team.toString());
        String from = "team." + suffix() + "@example.org";
        MimeMessage message = message(from, "Invoice 2026-12", "The invoice is wrong.",
                Map.of("Authentication-Results", passing(from)));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(BILLING));
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(from) + ">");
        MAIL.deliver(BILLING, message);
        String[] row = taken(message.getMessageID());
        assertEquals("TICKET", row[0]);
        assertEquals(BILLING_TEAM, Sql.text("select t.team_key from ticket k join team t on t.id = k.assigned_team_id"
                + " where k.id = ?", Long.parseLong(row[1])));
        String fields = Sql.text("select fields from audit_event where action = 'TICKET_CREATE' and resource_id = ?",
                row[1]);
        assertTrue(fields.contains("team=" + BILLING_TEAM) && fields.contains("mailbox=billing"), fields);
        // the support mailbox names no team: its tickets go to none, as before
        String other = "noteam." + suffix() + "@example.org";
        String[] plain = taken(deliver(other, "No team", "Hello.", Map.of("Authentication-Results",
                passing(other))));
        assertEquals(0, Sql.longValue("select count(*) from ticket where id = ? and assigned_team_id is not null",
                Long.parseLong(plain[1])));
    }

    @Test
    void repliesThreadAndTheAgentsPublicAnswerReachesTheCustomer() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String from = "thread." + suffix() + "@example.org";
        String first = deliver(from, "VPN drops", "The VPN drops every hour.",
                Map.of("Authentication-Results", passing(from)));
        String[] opened = taken(first);
        assertEquals("TICKET", opened[0]);
        String ticket = opened[1];

        // a reply by In-Reply-To joins the ticket as a public comment
        String second = deliver(from, "Re: VPN drops", "It dropped again at 10:00.", Map.of(
                "Authentication-Results", passing(from), "In-Reply-To", first, "References", first));
        String[] reply = taken(second);
        assertEquals("COMMENT", reply[0]);
        assertEquals(ticket, reply[1]);
        assertEquals(1, ticketsOf(opened[3]));

        // the agent answers in public, and notes something internal: only the public answer is mailed
        assertEquals(201, api.post("api/v1/tickets/" + ticket + "/comments", agent,
                "{\"body\":\"Internal: the customer's site has a flaky uplink.\",\"visibility\":\"INTERNAL\"}")
                .status());
        assertEquals(201, api.post("api/v1/tickets/" + ticket + "/comments", agent,
                "{\"body\":\"Please update the VPN client to 5.2.\",\"visibility\":\"PUBLIC\"}").status());
        List<MimeMessage> mailed = awaitReceived(from, 1);
        Thread.sleep(2500);
        mailed = receivedBy(from);
        assertEquals(1, mailed.size(), "one mail for one public comment");
        MimeMessage answer = mailed.get(0);
        String text = (String) answer.getContent();
        assertTrue(text.contains("Please update the VPN client to 5.2."), text);
        assertFalse(text.contains("flaky uplink"), "an internal comment never reaches the customer");
        assertEquals(second, answer.getHeader("In-Reply-To", null));
        assertEquals(first + " " + second, answer.getHeader("References", null));
        Matcher reference = REFERENCE.matcher(answer.getSubject());
        assertTrue(reference.find(), answer.getSubject());
        assertEquals(ticket, reference.group(1));
        String ourId = answer.getMessageID();
        assertEquals(ticket, Sql.text("select ticket_id::text from mail_outbox where message_id = ?", ourId));

        // the customer answers our mail (its Message-ID): it threads
        String third = deliver(from, "Re: " + answer.getSubject(), "Updated, thanks.",
                Map.of("Authentication-Results", passing(from), "In-Reply-To", ourId));
        assertEquals(ticket, taken(third)[1]);
        // only the subject's reference, no thread headers: it threads too
        String fourth = deliver(from, "Still there " + reference.group(), "One more thing.",
                Map.of("Authentication-Results", passing(from)));
        String[] bySubject = taken(fourth);
        assertEquals("COMMENT", bySubject[0]);
        assertEquals(ticket, bySubject[1]);
        // a reference with a forged tag threads nothing: a ticket of its own
        String forged = deliver(from, "[#" + ticket + "-AAAAAA] hello", "Forged reference.",
                Map.of("Authentication-Results", passing(from)));
        String[] own = taken(forged);
        assertEquals("TICKET", own[0]);
        assertNotEquals(ticket, own[1]);
        // the right reference from someone else opens a ticket of theirs, never a comment on this one
        String stranger = "stranger." + suffix() + "@example.org";
        String[] other = taken(deliver(stranger, "Hi " + reference.group(), "Let me in.",
                Map.of("Authentication-Results", passing(stranger))));
        assertEquals("TICKET", other[0]);
        assertNotEquals(ticket, other[1]);
        String comments = api.get("api/v1/tickets/" + ticket + "/comments", agent).body();
        assertTrue(comments.contains("One more thing.") && comments.contains("It dropped again at 10:00."),
                comments);
    }

    @Test
    void automaticMailListMailAndOurOwnMakeNoTicket() throws Exception {
        String from = "away." + suffix() + "@example.org";
        for (Map<String, String> headers : List.of(Map.of("Auto-Submitted", "auto-replied"),
                Map.of("Precedence", "bulk"), Map.of("List-Id", "<news.example.org>"))) {
            java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
            all.put("Authentication-Results", passing(from));
            String[] row = taken(deliver(from, "Out of office", "I am away until Monday.", all));
            assertEquals("IGNORED", row[0]);
            assertEquals("", row[1], "no ticket");
        }
        String[] loop = taken(deliver(SUPPORT, "Re: your ticket", "Loop?", Map.of("Authentication-Results",
                passing(SUPPORT))));
        assertEquals("IGNORED", loop[0]);
        assertEquals(0, Sql.longValue("select count(*) from customer where lower(email) = ?", from));
        // Auto-Submitted: no is a person's mail
        String[] person = taken(deliver(from, "Back again", "Now I am here.",
                Map.of("Auto-Submitted", "no", "Authentication-Results", passing(from))));
        assertEquals("TICKET", person[0]);
    }

    @Test
    void aMailThatFailsDmarcIsHeldUntilAnAgentDecides() throws Exception {
        Api api = api();
        String from = "spoof." + suffix() + "@example.org";
        // with a file: accepted later, the mail keeps its original and its file like any other (#24)
        MimeMessage withFile = message(from, "Change my bank details", "", Map.of(
                "Authentication-Results", AUTHSERV + "; spf=pass smtp.mailfrom=" + from + "; dmarc=fail"
                        + " header.from=" + domain(from)));
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText("New IBAN please.", "UTF-8");
        parts.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent("account;bank\nJane;Example Bank\n", "text/csv; charset=UTF-8");
        file.setFileName("details.csv");
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        parts.addBodyPart(file);
        withFile.setContent(parts);
        withFile.saveChanges();
        withFile.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain(from) + ">");
        String failing = deliver(withFile);
        String[] held = taken(failing);
        assertEquals("HELD", held[0]);
        assertEquals("", held[1], "nothing made before an agent decides");
        assertEquals(1, Sql.longValue("select count(*) from mail_held_content where mail_id = ?",
                Long.parseLong(held[5])), "the original is kept (sealed) while the mail is held");
        // a header of another server (anyone can write one) does not count
        String[] forged = taken(deliver(from, "Trust me", "Forged results.", Map.of(
                "Authentication-Results", "evil.example; dmarc=pass header.from=" + domain(from))));
        assertEquals("HELD", forged[0]);

        String agent = api.token("agent.eu");
        Reply list = api.get("api/v1/mail/held", agent);
        assertEquals(200, list.status(), list.toString());
        assertTrue(list.body().contains("Change my bank details"), list.body());
        assertFalse(api.get("api/v1/mail/held", api.token("agent.us")).body().contains("Change my bank details"),
                "a US agent does not see the EU mailbox's held mail");
        assertEquals(403, api.get("api/v1/mail/held", api.token("operator")).status());
        assertEquals(404, api.post("api/v1/mail/held/" + held[5] + "/accept", api.token("agent.us"), "").status());

        Reply accepted = api.post("api/v1/mail/held/" + held[5] + "/accept", agent, "");
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals("TICKET", accepted.json().getString("outcome"));
        String[] after = taken(failing);
        assertEquals("TICKET", after[0]);
        assertFalse(after[1].isEmpty());
        assertNull(Sql.text("select body from mail_message where message_id = ?", failing));
        assertEquals("message-,details.csv", Sql.text("select string_agg(case when content_type = 'message/rfc822'"
                + " then left(filename, 8) else filename end, ',' order by content_type) from attachment"
                + " where ticket_id = ? and source_kind = 'MAIL'", Long.parseLong(after[1])),
                "the accepted mail's original and file are attachments of its ticket");
        assertEquals(0, Sql.longValue("select count(*) from mail_held_content where mail_id = ?",
                Long.parseLong(held[5])));
        assertEquals(409, api.post("api/v1/mail/held/" + held[5] + "/accept", agent, "").status());

        assertEquals(204, api.post("api/v1/mail/held/" + forged[5] + "/discard", agent, "").status());
        assertEquals("DISCARDED", taken(deliverNothing(forged))[0]);
        assertEquals(0, Sql.longValue("select count(*) from mail_held_content where mail_id = ?",
                Long.parseLong(forged[5])), "a discarded mail's original is gone");
        assertEquals(409, api.post("api/v1/mail/held/" + forged[5] + "/discard", agent, "").status());
    }

    /** The Message-ID of a row already taken (to read it again). */
    private static String deliverNothing(String[] row) throws SQLException {
        return Sql.text("select message_id from mail_message where id = ?", Long.parseLong(row[5]));
    }

    @Test
    void aRePollMakesNoSecondTicket() throws Exception {
        String from = "twice." + suffix() + "@example.org";
        MimeMessage message = message(from, "Twice", "Sent twice.", Map.of("Authentication-Results", passing(from)));
        String id = deliver(message);
        String[] row = taken(id);
        // the same mail again (a second copy, unseen): taken, marked seen, nothing new made
        MAIL.deliver(SUPPORT, message);
        long end = System.currentTimeMillis() + 30_000;
        while (unseen() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        assertEquals(0, unseen(), "every mail is marked seen after it was taken");
        assertEquals(1, Sql.longValue("select count(*) from mail_message where message_id = ?", id));
        assertEquals(1, ticketsOf(row[3]));
    }

    private static int unseen() throws Exception {
        try (jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", Integer.getInteger("custodian.it.mail.imap.port"), SUPPORT,
                    MailServer.PASSWORD);
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    @Test
    void aBounceIsRecordedOnTheCustomerAndMakesNoTicket() throws Exception {
        Api api = api();
        long customer = TestData.createCustomer(api, api.token("agent.eu"), "EU");
        String address = Sql.text("select email from customer where id = ?", customer);
        MimeMessage report = new MimeMessage(Session.getInstance(new Properties()));
        report.setFrom(new InternetAddress("mailer-daemon@example.com"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart multipart = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.");
        multipart.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; " + address
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\n", "message/delivery-status");
        multipart.addBodyPart(status);
        report.setContent(multipart);
        report.saveChanges();
        report.setHeader("Message-ID", "<bounce-" + UUID.randomUUID() + "@example.com>");
        report.addHeader("Auto-Submitted", "auto-replied");
        String[] row = taken(deliver(report));
        assertEquals("BOUNCE", row[0]);
        assertEquals(String.valueOf(customer), row[3]);
        assertNotNull(Sql.text("select mail_bounced_at::text from customer where id = ?", customer));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MAIL_BOUNCE'"
                + " and resource_id = ?", String.valueOf(customer)));
        assertEquals(0, Sql.longValue("select count(*) from ticket where subject like 'Undelivered%'"));
    }

    @Test
    void aMailWrittenWhileTheMailServerIsDownIsDeliveredOnceItIsUp() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        String address = Sql.text("select email from customer where id = ?", customer);
        long ticket = TestData.createTicket(api, agent, customer, "Outage test");
        MAIL.stop();
        try {
            Reply comment = api.post("api/v1/tickets/" + ticket + "/comments", agent,
                    "{\"body\":\"We are looking into it.\",\"visibility\":\"PUBLIC\"}");
            assertEquals(201, comment.status(), comment.toString());
            long end = System.currentTimeMillis() + 30_000;
            while (Sql.longValue("select coalesce(max(attempts), 0) from mail_outbox where ticket_id = ?", ticket) < 2
                    && System.currentTimeMillis() < end) {
                Thread.sleep(200);
            }
            assertEquals("PENDING", Sql.text("select status from mail_outbox where ticket_id = ?", ticket));
            assertTrue(Sql.longValue("select attempts from mail_outbox where ticket_id = ?", ticket) >= 2,
                    "the outbox tried and failed while the server was down");
        } finally {
            MAIL.start();
        }
        awaitReceived(address, 1);
        Thread.sleep(3000);
        assertEquals(1, receivedBy(address).size(), "delivered once");
        assertEquals("SENT", Sql.text("select status from mail_outbox where ticket_id = ?", ticket));
        JsonObject health = api.health("mail");
        assertEquals("true", String.valueOf(health.get("sending")).replace("\"", ""));
    }
}
