package org.custodian.application.jobstats;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.custodian.application.jobstats.JobRunService.DayStats;

/** The stored runs (table job_run): one row per finished execution, grouped per job and day by the database. */
public interface JobRuns {

    /** Stores a finished run; a second call for the same execution changes nothing. */
    void store(String jobName, long executionId, String batchStatus, Instant startedAt, Instant endedAt);

    /** Runs that ended in [from, to), per job and per day in {@code zone}, ordered by job and day. */
    List<DayStats> daily(Instant from, Instant to, ZoneId zone);
}
