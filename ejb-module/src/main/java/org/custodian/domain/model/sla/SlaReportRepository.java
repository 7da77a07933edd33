package org.custodian.domain.model.sla;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.customer.Region;

/**
 * The SLA report's aggregates (#25), computed by the database over the clocks that started in a period: no ticket
 * is loaded. A clock is met when it was met by its due time and never marked breached; missed when it was marked
 * breached or met after its due time; running, paused and stopped clocks count as neither. Times are business
 * seconds on the clock's calendar, net of pauses ({@code sla_clock.business_seconds}, written when met).
 */
public interface SlaReportRepository {

    /** What the report groups by: the ticket's team (key), region, priority, category, or the clock's UTC day. */
    enum Grouping { TEAM, REGION, PRIORITY, CATEGORY, DAY }

    /**
     * One group. {@code tickets}: tickets whose first-response clock started in the period (every ticket under a
     * policy has exactly one); {@code open}: of those, the ones not resolved now; {@code breaches}: missed clocks of
     * any kind (first response, next response, resolution). Percentiles (p50, p90) in business seconds, null when no
     * clock of that kind was met.
     */
    record Row(String key, long tickets, long open, long firstResponseMet, long firstResponseMissed,
            long resolutionMet, long resolutionMissed, long breaches, Double firstResponseP50, Double firstResponseP90,
            Double resolutionP50, Double resolutionP90) {
    }

    /** The groups of the clocks that started in [from, to), of tickets in {@code regions} (null: every region). */
    List<Row> rows(Instant from, Instant to, Grouping groupBy, Set<Region> regions);

    /** The same, with the DAY grouping's days in {@code zone} (the others do not depend on it). */
    List<Row> rows(Instant from, Instant to, Grouping groupBy, Set<Region> regions, java.time.ZoneId zone);
}
