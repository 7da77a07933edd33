package org.custodian.application.mail;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The inbox side of the wire (IMAP in infrastructure). The reader hands the mails over a group at a time (at most
 * {@link #GROUP} of them); the handler commits them and returns those it took; only those are marked seen, so a
 * crash between the two makes the next poll read them again (and the Message-ID makes that harmless).
 */
public interface MailboxReader {

    /** The most mails handed to the handler at once. */
    int GROUP = 20;

    /** Reads up to {@code limit} unseen mails; returns how many were handled. */
    int poll(Mailbox mailbox, int limit, Function<List<InboundMail>, List<InboundMail>> handler) throws IOException;
}
