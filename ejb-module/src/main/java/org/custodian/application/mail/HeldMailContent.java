package org.custodian.application.mail;

import java.util.Optional;

/**
 * The original message of a held mail, kept sealed until an agent decides (#24): accepted, it gives its original and
 * its files to the ticket as any other mail does; discarded, it is gone. Joins the caller's transaction.
 */
public interface HeldMailContent {

    /** Keeps the raw message of this held mail row, encrypted. */
    void keep(long mailId, byte[] raw);

    /** The held mail as read from its kept message, and the kept message removed; empty if none was kept. */
    Optional<InboundMail> take(long mailId);

    /** Removes the kept message (a discarded mail). */
    void drop(long mailId);
}
