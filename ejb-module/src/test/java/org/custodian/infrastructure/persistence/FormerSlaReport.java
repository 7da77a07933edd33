package org.custodian.infrastructure.persistence;

import java.util.Locale;
import org.custodian.domain.model.sla.SlaReportRepository.Grouping;

/**
 * The SLA report's statement before V103 (one statement over the clocks started in the period joined to their
 * tickets), kept for {@link SlaBenchmark} only: its "before" figure in the same run, on the same data and load.
 */
final class FormerSlaReport {

    private static final String MET = "c.met_at is not null and c.met_at <= c.due and c.breached_at is null";
    private static final String MISSED = "(c.breached_at is not null or c.met_at > c.due)";

    private FormerSlaReport() {
    }

    /** Over the year 2026, every region. */
    static String sql(Grouping groupBy) {
        String key = switch (groupBy) {
            case TEAM -> "coalesce(tm.team_key, '(none)')";
            case REGION -> "t.region";
            case PRIORITY -> "t.priority";
            case CATEGORY -> "t.category";
            case DAY -> "to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD')";
        };
        return String.format(Locale.ROOT, "select %s as k,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE') as tickets,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and t.status not in ('RESOLVED', 'CLOSED'))"
                + " as open,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and %2$s) as fr_met,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and %3$s) as fr_missed,"
                + " count(*) filter (where c.kind = 'RESOLUTION' and %2$s) as res_met,"
                + " count(*) filter (where c.kind = 'RESOLUTION' and %3$s) as res_missed,"
                + " count(*) filter (where %3$s) as breaches,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by c.business_seconds)"
                + " filter (where c.kind = 'FIRST_RESPONSE') as fr_p,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by c.business_seconds)"
                + " filter (where c.kind = 'RESOLUTION') as res_p"
                + " from sla_clock c join ticket t on t.id = c.ticket_id%4$s"
                + " where c.started_at >= '2026-01-01Z' and c.started_at < '2027-01-01Z'"
                + " group by 1 order by 1", key, MET, MISSED,
                groupBy == Grouping.TEAM ? " left join team tm on tm.id = t.assigned_team_id" : "");
    }
}
