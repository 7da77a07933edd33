package org.custodian.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real mail server for a test class: GreenMail in this JVM on the SMTP port (and, with mailboxes, the IMAP port)
 * that failsafe reserved and gave the server (CUSTODIAN_MAIL_*, server-config/pom.xml). Registered as a static
 * field: it is up before each test (a test that {@link #stop stopped} it to play an outage finds it started again)
 * and stopped after the class.
 */
final class MailServer implements BeforeEachCallback, AfterAllCallback {

    /** The password of every mailbox, as the server's inbox settings name it. */
    static final String PASSWORD = "it-mail-password";

    private final List<String> mailboxes;
    private GreenMail greenMail;

    private MailServer(List<String> mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** SMTP only: what the server sends is received here. */
    static MailServer smtp() {
        return new MailServer(List.of());
    }

    /** SMTP, and IMAP with these mailboxes (addresses, which are their user names), which the server polls. */
    static MailServer withMailboxes(String... addresses) {
        return new MailServer(List.of(addresses));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (greenMail == null) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    void start() {
        List<ServerSetup> setups = new ArrayList<>(List.of(new ServerSetup(
                Integer.getInteger("custodian.it.mail.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
        if (!mailboxes.isEmpty()) {
            setups.add(new ServerSetup(Integer.getInteger("custodian.it.mail.imap.port"), "127.0.0.1",
                    ServerSetup.PROTOCOL_IMAP));
        }
        greenMail = new GreenMail(setups.toArray(ServerSetup[]::new));
        greenMail.start();
        for (String mailbox : mailboxes) {
            greenMail.setUser(mailbox, mailbox, PASSWORD);
        }
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every mail the server has sent so far. */
    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** Puts {@code message} into {@code mailbox}, as the receiving mail server would. */
    void deliver(String mailbox, MimeMessage message) {
        greenMail.getUserManager().getUser(mailbox).deliver(message);
    }
}
