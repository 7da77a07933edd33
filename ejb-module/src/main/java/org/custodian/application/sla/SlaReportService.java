package org.custodian.application.sla;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * The SLA report (#25, SLA_REPORT): per team, region, priority, category or day, the tickets, first-response and
 * resolution attainment (% met of the clocks that were decided), p50/p90 times in business minutes and breaches.
 */
@Local
public interface SlaReportService {

    /** The groupings {@code groupBy} accepts, in the words of the API. */
    List<String> GROUPINGS = List.of("team", "region", "priority", "category", "day");

    /**
     * The clocks that started in [from, to) (defaults: the 30 days up to now; at most 366 days), grouped by
     * {@code groupBy} (default team), within the regions the caller's roles cover. Bad parameters: a 400 naming them.
     */
    SlaReport report(Caller caller, String from, String to, String groupBy);

    /** The same with the days of {@code groupBy=day} in {@code zone} (the viewer's; the API's are UTC). */
    SlaReport report(Caller caller, String from, String to, String groupBy, java.time.ZoneId zone);

    /** Percentages with one decimal (null: nothing decided), minutes with one decimal (null: nothing met). */
    record Group(String key, long tickets, long open, Double firstResponseAttainment, long firstResponseMet,
            long firstResponseMissed, Double resolutionAttainment, long resolutionMet, long resolutionMissed,
            long breaches, Double firstResponseP50Minutes, Double firstResponseP90Minutes,
            Double resolutionP50Minutes, Double resolutionP90Minutes) implements java.io.Serializable {
    }

    /** {@code regions}: the regions counted (null: all). */
    record SlaReport(Instant from, Instant to, String groupBy, List<String> regions, List<Group> groups)
            implements java.io.Serializable {
    }
}
