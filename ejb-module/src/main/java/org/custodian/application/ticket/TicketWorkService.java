package org.custodian.application.ticket;

import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Working a ticket beyond its fields (#23): reopen within the window or a follow-up after it, links between
 * tickets, merging a duplicate into a survivor, and the activity history as the policy shows it.
 */
public interface TicketWorkService {

    /** Whether the ticket may be reopened now, until when, or that a follow-up is the way (TICKET_WRITE). */
    ReopenOption reopenOption(Caller caller, long ticketId);

    /**
     * RESOLVED or CLOSED back to IN_PROGRESS within the reopen window, with a reason (kept as an INTERNAL comment);
     * after the window a 422 that points at the follow-up. With {@code expectedVersion} a stale page gets a 412.
     */
    TicketView reopen(Caller caller, long ticketId, String reason, Long expectedVersion);

    /** A new ticket for the same customer, linked FOLLOW_UP to the old one (any status of the old one). */
    TicketView followUp(Caller caller, long ticketId, String subject, String description);

    List<LinkView> links(Caller caller, long ticketId);

    /** Links two tickets the caller may change as RELATED. */
    LinkView link(Caller caller, long ticketId, Long otherId);

    /** Removes the RELATED link between two tickets (follow-up and duplicate links stay: they are history). */
    void unlink(Caller caller, long ticketId, long otherId);

    /**
     * Merges {@code duplicateId} into {@code survivorId}: the duplicate is closed with a DUPLICATE link to the
     * survivor and its comments are shown on the survivor; the reason is an INTERNAL comment on both. Both tickets
     * must be in the caller's scope and region; the trail is never rewritten, the merge is new events.
     */
    TicketView merge(Caller caller, long survivorId, Long duplicateId, String reason);

    /** Who changed what and when, from the audit trail, as the caller may see it; the read is audited. */
    List<HistoryEntry> history(Caller caller, long ticketId);
}
