package org.custodian.domain.model.sla;

/**
 * The start-up recompute of all clocks (#25), set-based: each running clock's alarm (warning, then breach; none
 * when paused, met or stopped) and each ticket's earliest running due time are derived again from the clocks'
 * marks and the tickets' pauses, in a few statements over all rows, never ticket by ticket. Rows that already
 * agree are not written, so an ordinary start writes nothing.
 */
public interface SlaAlarmRecompute {

    /** What the recompute corrected. */
    record Result(long alarmsCorrected, long dueTimesCorrected) {
    }

    Result recompute();
}
