package org.custodian.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/** The Chart.js configuration every portal chart hands to {@code p:chart}: one way to build it, one escape. */
public final class ChartConfig {

    private ChartConfig() {
    }

    /**
     * A chart of {@code type} over {@code labels} with {@code datasets} and the axes in {@code scales}; sized by its
     * container and drawn at once (numbers to read, not a show: the table beside it and a print or screenshot agree
     * with the drawn chart from the first moment).
     */
    public static String of(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("animation", false).add("scales", scales))
                .build().toString()
                // PrimeFaces writes the configuration into an inline script: no label may end that script
                .replace("<", "\\u003c");
    }

    /**
     * A dataset of {@code type} on the axis {@code axis}, drawn in {@code colour}: a point per label, a null one a gap
     * (nothing to show there yet), not a 0.
     */
    public static JsonObjectBuilder dataset(String label, String type, String axis, String colour,
            List<Double> values) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Double v : values) {
            if (v == null) {
                data.add(JsonValue.NULL);
            } else {
                data.add(v);
            }
        }
        return Json.createObjectBuilder().add("label", label).add("type", type).add("yAxisID", axis)
                .add("data", data).add("borderColor", colour).add("backgroundColor", colour);
    }

    /** The usual y axis: from zero. */
    public static JsonObjectBuilder fromZero() {
        return Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true));
    }
}
