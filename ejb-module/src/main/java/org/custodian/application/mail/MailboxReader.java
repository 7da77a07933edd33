package org.custodian.application.mail;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * The inbox side of the wire (IMAP in infrastructure). The handler commits each mail in its own transaction; only a
 * mail it returns true for is marked seen, so a crash between the two makes the next poll read it again (and the
 * Message-ID makes that harmless).
 */
public interface MailboxReader {

    /** Reads up to {@code limit} unseen mails; returns how many were handled. */
    int poll(Mailbox mailbox, int limit, Predicate<InboundMail> handler) throws IOException;
}
