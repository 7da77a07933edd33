package org.custodian.domain.model.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a ticket. Its due time is always {@code startedAt} plus target plus the business time it spent
 * paused, on the calendar of the ticket's policy: so a pause shifts it by the paused business time, and a new
 * target (a priority change) keeps the business time already elapsed. {@code alarmAt} is the next instant the SLA
 * timer has work for it (the warning, then the breach); null when met, stopped or paused. Warned and breached are
 * marks: each is recorded once, also across restarts.
 */
@Entity
@Table(name = "sla_clock")
@NamedQuery(name = "SlaClock.findByTicket", query = "SELECT c FROM SlaClock c WHERE c.ticketId = :ticket"
        + " ORDER BY c.kind")
@NamedQuery(name = "SlaClock.earliestAlarm", query = "SELECT c.alarmAt FROM SlaClock c"
        + " WHERE c.alarmAt IS NOT NULL ORDER BY c.alarmAt")
@NamedQuery(name = "SlaClock.alarmsDue", query = "SELECT c.id FROM SlaClock c WHERE c.alarmAt <= :now"
        + " ORDER BY c.alarmAt, c.id")
public class SlaClock {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
    @SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ClockKind kind;

    @Column(name = "target_minutes", nullable = false)
    private int targetMinutes;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    /** Business seconds spent WAITING_ON_CUSTOMER since the start. */
    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    @Column(nullable = false)
    private Instant due;

    @Column(name = "warn_at", nullable = false)
    private Instant warnAt;

    @Column(name = "met_at")
    private Instant metAt;

    /** Set when the clock stopped without being met (the ticket was resolved first). */
    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "warned_at")
    private Instant warnedAt;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Column(name = "alarm_at")
    private Instant alarmAt;

    /** When met: the business seconds from start to met on the calendar, net of pauses (the report's times). */
    @Column(name = "business_seconds")
    private Long businessSeconds;

    protected SlaClock() {
        // for JPA
    }

    public SlaClock(long ticketId, ClockKind kind, Instant startedAt) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.startedAt = startedAt;
    }

    /** (Re-)plans due and warning time for {@code minutes} of business time; {@code warnShare} in (0, 1]. */
    public void plan(BusinessHours hours, int minutes, double warnShare, boolean paused) {
        this.targetMinutes = minutes;
        Duration target = Duration.ofMinutes(minutes);
        Duration pause = Duration.ofSeconds(pausedSeconds);
        this.due = hours.plus(startedAt, target.plus(pause));
        this.warnAt = hours.plus(startedAt, Duration.ofSeconds(Math.round(target.toSeconds() * warnShare))
                .plus(pause));
        rearm(paused);
    }

    /** The ticket left WAITING_ON_CUSTOMER: the paused business time moves due and warning later. */
    public void resume(BusinessHours hours, Duration pausedBusiness, double warnShare) {
        if (isRunning()) {
            pausedSeconds += pausedBusiness.toSeconds();
            plan(hours, targetMinutes, warnShare, false);
        }
    }

    public void rearm(boolean paused) {
        if (!isRunning() || paused) {
            alarmAt = null;
        } else if (warnedAt == null && breachedAt == null) {
            alarmAt = warnAt;
        } else if (breachedAt == null) {
            alarmAt = due;
        } else {
            alarmAt = null;
        }
    }

    /** Met at {@code now}; the business time it took (net of pauses) is kept for the report. */
    public void meet(Instant now, BusinessHours hours) {
        if (isRunning()) {
            metAt = now;
            alarmAt = null;
            long elapsed = now.isAfter(startedAt) ? hours.between(startedAt, now).toSeconds() : 0;
            businessSeconds = Math.max(0, elapsed - pausedSeconds);
        }
    }

    public void stop(Instant now) {
        if (isRunning()) {
            stoppedAt = now;
            alarmAt = null;
        }
    }

    /** What the timer finds due at {@code now}: a warning, a breach, or nothing (a stale alarm). */
    public enum Due { WARNING, BREACH, NOTHING }

    /** Marks what is due at {@code now} (a breach marks the warning too) and arms the next alarm. */
    public Due fire(Instant now) {
        Due what = Due.NOTHING;
        if (isRunning() && breachedAt == null && !now.isBefore(due)) {
            breachedAt = now;
            if (warnedAt == null) {
                warnedAt = now;
            }
            what = Due.BREACH;
        } else if (isRunning() && warnedAt == null && !now.isBefore(warnAt)) {
            warnedAt = now;
            what = Due.WARNING;
        }
        rearm(false);
        return what;
    }

    public boolean isRunning() {
        return metAt == null && stoppedAt == null;
    }

    /** For views: MET, STOPPED, BREACHED (not met and past due), RUNNING or PAUSED. */
    public String state(boolean paused, Instant now) {
        if (metAt != null) {
            return breachedAt != null || metAt.isAfter(due) ? "MET_LATE" : "MET";
        }
        if (stoppedAt != null) {
            return "STOPPED";
        }
        if (breachedAt != null || !now.isBefore(due)) {
            return "BREACHED";
        }
        return paused ? "PAUSED" : "RUNNING";
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public ClockKind getKind() {
        return kind;
    }

    public int getTargetMinutes() {
        return targetMinutes;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public long getPausedSeconds() {
        return pausedSeconds;
    }

    public Instant getDue() {
        return due;
    }

    public Instant getWarnAt() {
        return warnAt;
    }

    public Instant getMetAt() {
        return metAt;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public Instant getAlarmAt() {
        return alarmAt;
    }

    public Long getBusinessSeconds() {
        return businessSeconds;
    }
}
