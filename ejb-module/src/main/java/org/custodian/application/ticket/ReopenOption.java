package org.custodian.application.ticket;

import java.time.Instant;

/**
 * What brings a ticket back: {@code REOPEN} (until {@code reopenUntil}), {@code FOLLOW_UP} (the window has
 * passed: a new linked ticket), or {@code NONE} (the ticket is not resolved: it is still being worked).
 */
public record ReopenOption(long ticketId, String status, String applies, Instant reopenUntil, int windowDays)
        implements java.io.Serializable {
}
