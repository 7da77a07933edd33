package org.custodian.application.sla;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.sla.BusinessCalendar;
import org.custodian.domain.model.sla.BusinessHours;
import org.custodian.domain.model.sla.ClockKind;
import org.custodian.domain.model.sla.SlaClock;
import org.custodian.domain.model.sla.SlaPolicy;
import org.custodian.domain.model.sla.SlaRepository;
import org.custodian.domain.model.sla.TicketSla;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketStatus;

/**
 * A ticket's SLA clocks, kept by the ticket services in their own transaction (#25):
 * <ul>
 * <li>opened: the first active policy (by position) matching priority, category and region plans FIRST_RESPONSE
 * and RESOLUTION from the creation time; no matching policy, no clocks;</li>
 * <li>a PUBLIC comment by an agent meets FIRST_RESPONSE (and a running NEXT_RESPONSE); a customer's PUBLIC reply
 * after the first response starts NEXT_RESPONSE (when the policy has that target);</li>
 * <li>WAITING_ON_CUSTOMER pauses every clock; leaving it (a status change or the customer's reply) resumes them,
 * each due time moved by the business time spent paused;</li>
 * <li>RESOLVED or CLOSED meets RESOLUTION and stops the other clocks;</li>
 * <li>a reopen (RESOLVED or CLOSED back to work) restarts resolution: a new RESOLUTION clock with the full target of
 * the ticket's policy from the reopen time; the met clock stays as it was (the report counts both);</li>
 * <li>a change of priority or category re-plans: the policy is matched again and its targets apply from the
 * original start, so the business time already elapsed counts (a breach already recorded stays recorded).</li>
 * </ul>
 */
@Stateless
public class SlaClocks {

    @Inject
    private SlaRepository sla;

    @Inject
    private SlaSettings settings;

    @Inject
    private Event<SlaAlarmMoved> alarms;

    private final Clock clock = Clock.systemUTC();

    /** A new ticket (already stored, with its id). */
    public void opened(Ticket ticket) {
        Optional<SlaPolicy> policy = match(ticket);
        if (policy.isEmpty()) {
            return;
        }
        BusinessHours hours = hours(policy.get().getCalendarId());
        sla.store(new TicketSla(ticket.getId(), policy.get()));
        List<SlaClock> clocks = new ArrayList<>();
        clocks.add(start(ticket.getId(), ClockKind.FIRST_RESPONSE, ticket.getCreatedAt(),
                policy.get().getFirstResponseMinutes(), hours));
        clocks.add(start(ticket.getId(), ClockKind.RESOLUTION, ticket.getCreatedAt(),
                policy.get().getResolutionMinutes(), hours));
        settle(ticket, false, clocks);
    }

    /** After a revise: status moves (pause, resume, resolve) and a priority or category change (re-plan). */
    public void revised(Ticket ticket, TicketStatus statusBefore, boolean selectionChanged) {
        TicketSla state = sla.ticketSla(ticket.getId()).orElse(null);
        if (state == null) {
            if (selectionChanged) {
                opened(ticket); // a ticket no policy matched may match one now
            }
            return;
        }
        List<SlaClock> clocks = sla.clocks(ticket.getId());
        statusMoved(ticket, state, statusBefore, clocks);
        if (selectionChanged) {
            Optional<SlaPolicy> policy = match(ticket);
            if (policy.isPresent()) {
                state.applied(policy.get());
                BusinessHours hours = hours(policy.get().getCalendarId());
                for (SlaClock c : clocks) {
                    Integer target = target(policy.get(), c.getKind());
                    if (c.isRunning() && target != null) {
                        c.plan(hours, target, settings.warningShare(), state.isPaused());
                    }
                }
            }
        }
        settle(ticket, state.isPaused(), clocks);
    }

    /** After a comment (and the status change a customer's reply makes). */
    public void commented(Ticket ticket, boolean publicByAgent, boolean publicByCustomer, TicketStatus statusBefore) {
        TicketSla state = sla.ticketSla(ticket.getId()).orElse(null);
        if (state == null) {
            return;
        }
        List<SlaClock> clocks = sla.clocks(ticket.getId());
        statusMoved(ticket, state, statusBefore, clocks);
        Instant now = clock.instant();
        if (publicByAgent) {
            BusinessHours hours = hours(state.getCalendarId());
            for (SlaClock c : clocks) {
                if (c.getKind() != ClockKind.RESOLUTION) {
                    c.meet(now, hours);
                }
            }
        }
        if (publicByCustomer && !ticket.getStatus().isResolved()) {
            boolean firstAnswered = clocks.stream().anyMatch(c -> c.getKind() == ClockKind.FIRST_RESPONSE
                    && c.getMetAt() != null);
            boolean waiting = clocks.stream().anyMatch(c -> c.getKind() == ClockKind.NEXT_RESPONSE && c.isRunning());
            Integer target = policyOf(state).map(SlaPolicy::getNextResponseMinutes).orElse(null);
            if (firstAnswered && !waiting && target != null) {
                clocks.add(start(ticket.getId(), ClockKind.NEXT_RESPONSE, now, target, hours(state.getCalendarId())));
            }
        }
        settle(ticket, state.isPaused(), clocks);
    }

    private void statusMoved(Ticket ticket, TicketSla state, TicketStatus before, List<SlaClock> clocks) {
        TicketStatus now = ticket.getStatus();
        if (before == now) {
            return;
        }
        Instant at = clock.instant();
        if (now == TicketStatus.WAITING_ON_CUSTOMER) {
            state.pause(at);
        } else if (state.isPaused()) {
            Instant since = state.resume();
            BusinessHours hours = hours(state.getCalendarId());
            Duration paused = hours.between(since, at);
            for (SlaClock c : clocks) {
                c.resume(hours, paused, settings.warningShare());
            }
        }
        if (now.isResolved()) {
            BusinessHours hours = hours(state.getCalendarId());
            for (SlaClock c : clocks) {
                if (c.getKind() == ClockKind.RESOLUTION) {
                    c.meet(ticket.getResolvedAt() == null ? at : ticket.getResolvedAt(), hours);
                } else {
                    c.stop(at);
                }
            }
        } else if (before != null && before.isResolved()) {
            // reopened: the customer's problem is back, so is the promise to resolve it (a new clock, full target)
            Integer target = policyOf(state).map(SlaPolicy::getResolutionMinutes).orElse(null);
            if (target != null) {
                clocks.add(start(ticket.getId(), ClockKind.RESOLUTION, at, target, hours(state.getCalendarId())));
            }
        }
    }

    /** The policy that planned the clocks (also when it has been deactivated since). */
    private Optional<SlaPolicy> policyOf(TicketSla state) {
        return sla.policies(false).stream().filter(p -> p.getId() == state.getPolicyId()).findFirst();
    }

    /** Stores new clocks, arms each, sets the ticket's earliest due time and tells the timer of the earliest alarm. */
    private void settle(Ticket ticket, boolean paused, List<SlaClock> clocks) {
        Instant due = null;
        Instant alarm = null;
        for (SlaClock c : clocks) {
            if (c.getId() == null) {
                sla.store(c);
            }
            c.rearm(paused);
            if (c.isRunning() && !paused && (due == null || c.getDue().isBefore(due))) {
                due = c.getDue();
            }
            if (c.getAlarmAt() != null && (alarm == null || c.getAlarmAt().isBefore(alarm))) {
                alarm = c.getAlarmAt();
            }
        }
        sla.ticketDue(ticket.getId(), due);
        if (alarm != null) {
            alarms.fire(new SlaAlarmMoved(alarm));
        }
    }

    private SlaClock start(long ticketId, ClockKind kind, Instant at, int minutes, BusinessHours hours) {
        SlaClock c = new SlaClock(ticketId, kind, at);
        c.plan(hours, minutes, settings.warningShare(), false);
        return c;
    }

    private Optional<SlaPolicy> match(Ticket ticket) {
        return sla.policies(true).stream()
                .filter(p -> p.matches(ticket.getPriority(), ticket.getCategory(), ticket.getRegion())).findFirst();
    }

    private static Integer target(SlaPolicy policy, ClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> policy.getFirstResponseMinutes();
            case NEXT_RESPONSE -> policy.getNextResponseMinutes();
            case RESOLUTION -> policy.getResolutionMinutes();
        };
    }

    private BusinessHours hours(long calendarId) {
        return sla.calendar(calendarId).map(BusinessCalendar::hours)
                .orElseThrow(() -> new IllegalStateException("business calendar " + calendarId + " is gone"));
    }

    /** The {@code sla} object of a ticket's JSON, or null when no policy applies. */
    public Map<String, Object> describe(long ticketId) {
        return describe(List.of(ticketId)).get(ticketId);
    }

    /** The {@code sla} objects of many tickets (one query), by ticket id; absent: no policy applies. */
    public Map<Long, Map<String, Object>> describe(Collection<Long> ticketIds) {
        Instant now = clock.instant();
        Map<Long, Map<String, Object>> out = new HashMap<>();
        sla.states(ticketIds).forEach((id, state) -> out.put(id, SlaView.of(state.sla(), state.clocks(), now)));
        return out;
    }
}
