package org.custodian.application.jobstats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Job durations and outcomes over time (#25, the operators' dashboard): every finished execution is recorded by the
 * batch module's end-of-job listener; operators and auditors (JOB_READ) read them per job and day.
 */
public interface JobRunService {

    /** A finished execution (the end-of-job listener; no caller: the batch runtime). */
    void finished(String jobName, long executionId, String batchStatus, Instant startedAt, Instant endedAt);

    /** The runs that ended on the days {@code from} to {@code to} (inclusive) in {@code zone}, per job and day. */
    List<DayStats> daily(Caller caller, LocalDate from, LocalDate to, ZoneId zone);

    /**
     * One job on one day: how many runs ended, how many COMPLETED and FAILED (the rest were stopped), and the median
     * and longest duration in seconds (null: no run with a start time).
     */
    record DayStats(String job, LocalDate day, long runs, long completed, long failed, Double medianSeconds,
            Double maxSeconds) implements java.io.Serializable {
    }
}
