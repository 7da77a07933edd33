package org.custodian.interfaces.web.sla;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import org.custodian.application.sla.SlaReportService.Group;
import org.custodian.interfaces.web.ChartConfig;

/**
 * Chart.js configurations of the SLA dashboard, built with Jakarta JSON (labels are data, never markup):
 * attainment in % on the left axis, counts (backlog, tickets) on the right, colours that stay apart for the common
 * colour-vision deficiencies (Okabe-Ito, as the audit charts).
 */
final class SlaCharts {

    static final String BLUE = "#0072B2";
    static final String ORANGE = "#E69F00";
    static final String GREEN = "#009E73";

    private SlaCharts() {
    }

    /** Attainment (first response, resolution) as bars or lines and the backlog as the other kind. */
    static String attainment(List<Group> groups, boolean overTime, String firstLabel, String resolutionLabel,
            String backlogLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        groups.forEach(g -> labels.add(g.key()));
        String attainmentType = overTime ? "line" : "bar";
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(firstLabel, attainmentType, "pct", BLUE, groups, Group::firstResponseAttainment))
                .add(dataset(resolutionLabel, attainmentType, "pct", ORANGE, groups, Group::resolutionAttainment))
                .add(dataset(backlogLabel, overTime ? "bar" : "line", "count", GREEN, groups,
                        g -> (double) g.open()).add("backgroundColor", GREEN + "66").add("order", 1));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("pct", Json.createObjectBuilder().add("type", "linear").add("position", "left")
                        .add("min", 0).add("max", 100))
                .add("count", Json.createObjectBuilder().add("type", "linear").add("position", "right")
                        .add("beginAtZero", true).add("grid", Json.createObjectBuilder().add("drawOnChartArea",
                                false)));
        return ChartConfig.of("bar", labels, datasets, scales);
    }

    /** Tickets per group as bars. */
    static String volume(List<Group> groups, String ticketsLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        groups.forEach(g -> labels.add(g.key()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(ticketsLabel, "bar", "count", BLUE, groups, g -> (double) g.tickets()));
        JsonObjectBuilder scales = Json.createObjectBuilder().add("count", Json.createObjectBuilder()
                .add("type", "linear").add("beginAtZero", true));
        return ChartConfig.of("bar", labels, datasets, scales);
    }

    /** A point per group; a group with nothing decided yet is a gap, not a 0 %. */
    private static JsonObjectBuilder dataset(String label, String type, String axis, String colour, List<Group> groups,
            Function<Group, Double> value) {
        return ChartConfig.dataset(label, type, axis, colour, groups.stream().map(value).toList());
    }
}
