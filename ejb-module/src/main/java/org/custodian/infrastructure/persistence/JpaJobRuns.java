package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.jobstats.JobRunService.DayStats;
import org.custodian.application.jobstats.JobRuns;

/** Plain SQL on job_run (a history row needs no entity), in the caller's transaction; grouping is the database's. */
@ApplicationScoped
public class JpaJobRuns implements JobRuns {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(String jobName, long executionId, String batchStatus, Instant startedAt, Instant endedAt) {
        entityManager.createNativeQuery("insert into job_run (execution_id, job_name, batch_status, started_at,"
                + " ended_at) values (?1, ?2, ?3, cast(?4 as timestamp with time zone), ?5)"
                + " on conflict (execution_id) do nothing")
                .setParameter(1, executionId).setParameter(2, jobName).setParameter(3, batchStatus)
                .setParameter(4, startedAt == null ? null : Timestamp.from(startedAt))
                .setParameter(5, Timestamp.from(endedAt)).executeUpdate();
    }

    @Override
    public List<DayStats> daily(Instant from, Instant to, ZoneId zone) {
        // the day in the viewer's zone; durations in seconds, the median as PostgreSQL's continuous percentile
        List<?> rows = entityManager.createNativeQuery("select job_name, cast(ended_at at time zone ?1 as date),"
                + " count(*), count(*) filter (where batch_status = 'COMPLETED'),"
                + " count(*) filter (where batch_status = 'FAILED'),"
                + " percentile_cont(0.5) within group (order by extract(epoch from ended_at - started_at)),"
                + " max(extract(epoch from ended_at - started_at))"
                + " from job_run where ended_at >= ?2 and ended_at < ?3 group by 1, 2 order by 1, 2")
                .setParameter(1, zone.getId()).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList();
        List<DayStats> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.add(new DayStats((String) r[0], day(r[1]), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), seconds(r[5]), seconds(r[6])));
        }
        return out;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
    }

    /** Rounded to a tenth of a second: a job's duration is read, not computed with. */
    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
