package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.application.slo.GovernanceSloService;
import org.custodian.application.slo.GovernanceSloService.Report;
import org.custodian.application.slo.Objective;
import org.custodian.application.slo.SloEvaluations.Evaluation;
import org.custodian.interfaces.rest.report.GovernanceSloResource;
import org.custodian.interfaces.web.ChartConfig;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * Governance SLOs for privacy officers, auditors, operators and supervisors (#25): the objectives of the viewer's
 * remit measured now, a CSV of them, and one objective's stored evaluations over 30 days as a chart with the numbers
 * in a table beside it. What each viewer sees is the service's (the policy's) decision.
 */
@Named
@ViewScoped
public class GovernanceSloBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    GovernanceSloService slo;

    @Inject
    PortalCaller portal;

    private Report report;
    private String objective;
    private List<Evaluation> history = List.of();

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            report = slo.report(portal.get(), null);
            if (!report.objectives().isEmpty()) {
                objective = report.objectives().get(0).id();
                loadHistory();
            }
        });
    }

    public void showHistory() {
        try {
            loadHistory();
        } catch (RuntimeException e) {
            PageFailures.show(e, "history");
        }
    }

    private void loadHistory() {
        history = objective == null ? List.of() : slo.history(portal.get(), objective, null, null);
    }

    /** The objectives as the API's CSV (same cells, same neutralising), as a file download. */
    public void downloadCsv() throws IOException {
        String csv;
        try {
            csv = GovernanceSloResource.csvText(slo.report(portal.get(), null).objectives());
        } catch (RuntimeException e) {
            PageFailures.show(e, "csv");
            return;
        }
        Download.text("text/csv", GovernanceSloResource.CSV_FILE, csv);
    }

    /** The objective's value and target over time, as a Chart.js line chart (JSON built by Jakarta JSON). */
    public String getChart() {
        if (history.isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (Evaluation e : history) {
            labels.add(e.evaluatedAt().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", ""));
            if (e.value() == null) {
                values.addNull();
            } else {
                values.add(e.value());
            }
            targets.add(e.target());
        }
        String unit = Texts.get("slo.unit." + history.get(0).unit());
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", Texts.get("slo.chart.value", unit)).add("data", values)
                        .add("borderColor", AuditBean.PALETTE.get(0)).add("backgroundColor", AuditBean.PALETTE.get(0)))
                .add(Json.createObjectBuilder().add("label", Texts.get("slo.chart.target", unit)).add("data", targets)
                        .add("borderColor", AuditBean.PALETTE.get(5)).add("backgroundColor", AuditBean.PALETTE.get(5))
                        .add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("pointRadius", 0));
        return ChartConfig.of("line", labels, datasets, ChartConfig.fromZero());
    }

    public Report getReport() {
        return report;
    }

    public List<Objective> getObjectives() {
        return report == null ? List.of() : report.objectives();
    }

    public long getMissedCount() {
        return getObjectives().stream().filter(Objective::missed).count();
    }

    public Instant getMeasuredAt() {
        return report == null ? null : report.measuredAt();
    }

    public List<Evaluation> getHistory() {
        return history;
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    /** A number as the table shows it: up to two decimals, a dash when there was nothing to measure. */
    public String number(Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
