package org.custodian.application.mail;

import java.util.List;
import org.custodian.application.shared.Caller;

/** Mail whose sender the receiving server did not authenticate waits here for an agent (MAIL_HELD_MANAGE). */
public interface HeldMailService {

    /** The held mail of the mailboxes of the caller's regions, oldest first. */
    List<HeldMailView> list(Caller caller);

    /** Lets the mail go on: it makes or joins its ticket as if authenticated; 409 when it is no longer held. */
    MailIntakeService.Outcome accept(Caller caller, long id);

    /** Drops it (its text is removed; the row and the audit events stay); 409 when it is no longer held. */
    void discard(Caller caller, long id);
}
