package org.custodian.domain.model.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Calendars, policies and the clocks of tickets. */
public interface SlaRepository {

    List<BusinessCalendar> calendars();

    Optional<BusinessCalendar> calendar(long id);

    Optional<BusinessCalendar> calendarForUpdate(long id);

    List<SlaPolicy> policies(boolean activeOnly);

    Optional<SlaPolicy> policyForUpdate(long id);

    void store(Object entity);

    Optional<TicketSla> ticketSla(long ticketId);

    List<SlaClock> clocks(long ticketId);

    /**
     * The SLA state and clocks of each of these tickets that has one, in one query (read on every ticket read, #27);
     * tickets no policy applies to are absent.
     */
    Map<Long, TicketSlaState> states(Collection<Long> ticketIds);

    /**
     * Writes the ticket's earliest running due time (the queue's "due soonest"; null: none) without touching the
     * ticket's version: the clocks are not an edit of the ticket.
     */
    void ticketDue(long ticketId, Instant due);

    /** Locked: the timer and a ticket's change do not both work one clock. */
    Optional<SlaClock> clockForUpdate(long id);

    /** The earliest alarm of all clocks (an index lookup), or null. */
    Instant earliestAlarm();

    /** Ids of the clocks whose alarm is at or before {@code now}, earliest first, at most {@code limit}. */
    List<Long> alarmsDue(Instant now, int limit);
}
