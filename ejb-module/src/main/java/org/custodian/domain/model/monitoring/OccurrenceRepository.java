package org.custodian.domain.model.monitoring;

import java.time.Instant;
import java.util.Optional;

/** The occurrence counters of tickets that monitoring events made. */
public interface OccurrenceRepository {

    /** A ticket's counter, if monitoring (or an incident) made it. */
    Optional<Occurrences> ofTicket(long ticketId);

    /** The first event of a new ticket: occurrences 1. */
    void first(long ticketId, String fingerprint, String source, String host, String check, Instant at);

    /** One more event on the ticket; returns the new count. */
    int again(long ticketId, Instant at);

    void recovered(long ticketId, Instant at);

    /** A ticket's counter as the ticket JSON shows it. */
    record Occurrences(long ticketId, String fingerprint, String source, String host, String check, int count,
            Instant firstSeen, Instant lastSeen, Instant recoveredAt) {
    }
}
