package org.custodian.application.sla;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.sla.SlaClock;
import org.custodian.domain.model.sla.SlaPolicy;
import org.custodian.domain.model.sla.SlaRepository;
import org.custodian.domain.model.sla.TicketSla;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

/**
 * What the SLA timer does for one clock whose alarm has come, in its own transaction: the warning (at the configured
 * share of the target) or the breach, each marked on the clock so that it is recorded once, even when the timer runs
 * again after a restart or on a second node (the clock's row is locked while it is handled). A breach escalates
 * ({@link SlaEscalation}): the supervisors are told and the policy's escalation team, if any, takes the ticket.
 */
@Stateless
public class SlaDeadlines {

    static final String SYSTEM = "sla-timer";

    @Inject
    private SlaRepository sla;

    @Inject
    private TicketRepository tickets;

    @Inject
    private AccessRepository access;

    @Inject
    private UserRepository users;

    @EJB
    private AuditService audit;

    @EJB
    private SlaEscalation escalation;

    private final Clock clock = Clock.systemUTC();

    public Instant earliestAlarm() {
        return sla.earliestAlarm();
    }

    public List<Long> due(Instant now, int limit) {
        return sla.alarmsDue(now, limit);
    }

    /** Handles one clock if its alarm is (still) due; returns what was recorded. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SlaClock.Due handle(long clockId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SlaClock c = sla.clockForUpdate(clockId).orElse(null);
        if (c == null || c.getAlarmAt() == null || c.getAlarmAt().isAfter(now)) {
            return SlaClock.Due.NOTHING; // met, paused or moved meanwhile
        }
        TicketSla state = sla.ticketSla(c.getTicketId()).orElse(null);
        if (state != null && state.isPaused()) {
            c.rearm(true);
            return SlaClock.Due.NOTHING;
        }
        SlaClock.Due what = c.fire(now);
        if (what == SlaClock.Due.NOTHING) {
            return what;
        }
        Ticket ticket = tickets.find(c.getTicketId()).orElse(null);
        boolean breach = what == SlaClock.Due.BREACH;
        String clockName = c.getKind().name().toLowerCase().replace('_', ' ');
        audit.record(Caller.system(SYSTEM, null), breach ? SlaActions.SLA_BREACH : SlaActions.SLA_WARNING,
                SlaActions.TICKET, String.valueOf(c.getTicketId()), List.of("clock=" + c.getKind(),
                        "due=" + c.getDue(), "policy=" + (state == null ? null : state.getPolicyId() + "/v"
                                + state.getPolicyVersion())), AuditOutcome.SUCCESS);
        if (ticket != null) {
            String message = "Ticket " + ticket.getId() + ": the " + clockName + " target "
                    + (breach ? "was missed (due " + c.getDue() + ")" : "is due at " + c.getDue() + " (warning)");
            notify(ticket, message, now);
            if (breach) {
                SlaPolicy applied = state == null ? null : sla.policies(false).stream()
                        .filter(p -> p.getId() == state.getPolicyId()).findFirst().orElse(null);
                escalation.breached(ticket, applied, message, now);
            }
        }
        return what;
    }

    /** The assignee, else the members of the ticket's team (a breach also tells the supervisors: escalation). */
    private void notify(Ticket ticket, String message, Instant now) {
        Set<String> people = new LinkedHashSet<>();
        if (ticket.getAssignee() != null) {
            people.add(ticket.getAssignee());
        } else if (ticket.getTeam() != null) {
            people.addAll(ticket.getTeam().getMembers());
        }
        for (String username : people) {
            User user = users.findByUsername(username).orElse(null);
            if (user == null || user.getRoles().isEmpty()) {
                continue;
            }
            Role role = user.getRoles().stream().sorted().findFirst().orElseThrow();
            access.store(Notification.forUser(username, role, SlaActions.TOPIC, SlaActions.TICKET,
                    String.valueOf(ticket.getId()), message, now));
        }
    }
}
