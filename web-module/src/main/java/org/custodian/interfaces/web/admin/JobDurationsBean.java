package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.application.jobstats.JobRunService;
import org.custodian.application.jobstats.JobRunService.DayStats;
import org.custodian.interfaces.rest.report.ReportResource;
import org.custodian.interfaces.web.ChartConfig;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * Job durations and outcomes over time (#25, the operators' dashboard on the jobs page): for the last
 * {@value #DAYS} days (UTC), per job and day the runs that ended, completed and failed, and the median and longest
 * duration; the chosen job as a chart (outcomes as stacked bars, durations as lines) with its numbers in a table,
 * and every job's rows as CSV (cells neutralised as the access reports do).
 */
@Named
@ViewScoped
public class JobDurationsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DAYS = 30;
    static final ZoneId ZONE = ZoneOffset.UTC;

    @EJB
    JobRunService runs;

    @Inject
    PortalCaller portal;

    private List<DayStats> all = new ArrayList<>();
    private List<String> jobs = new ArrayList<>();
    private String job;
    private LocalDate from;
    private LocalDate to;

    /** The view action: the period's rows; the chosen job, or the one with the most runs. */
    public void load() {
        PageFailures.read(() -> {
            to = LocalDate.now(ZONE);
            from = to.minusDays(DAYS - 1L);
            all = new ArrayList<>(runs.daily(portal.get(), from, to, ZONE));
            Map<String, Long> counts = new HashMap<>();
            all.forEach(row -> counts.merge(row.job(), row.runs(), Long::sum));
            jobs = counts.keySet().stream().sorted().toList();
            if (job == null || !counts.containsKey(job)) {
                // the most runs; of equals, the first by name (max keeps the first of equals)
                job = jobs.stream().max(java.util.Comparator.comparingLong(counts::get)).orElse(null);
            }
        });
    }

    /** The chosen job's days, oldest first. */
    public List<DayStats> getRows() {
        return all.stream().filter(row -> row.job().equals(job)).toList();
    }

    /** Every day of the period for the chosen job (days without a run are gaps in the lines, 0 in the bars). */
    public String getChart() {
        if (job == null) {
            return null;
        }
        Map<LocalDate, DayStats> byDay = new HashMap<>();
        getRows().forEach(row -> byDay.put(row.day(), row));
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        days.forEach(day -> labels.add(day.toString()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(Texts.get("jobStats.completed"), "bar", "runs", "#009E73", days, byDay,
                        row -> (double) row.completed(), 0.0).add("stack", "runs"))
                .add(dataset(Texts.get("jobStats.failed"), "bar", "runs", "#D55E00", days, byDay,
                        row -> (double) row.failed(), 0.0).add("stack", "runs"))
                .add(dataset(Texts.get("jobStats.median"), "line", "seconds", "#0072B2", days, byDay,
                        DayStats::medianSeconds, null))
                .add(dataset(Texts.get("jobStats.max"), "line", "seconds", "#56B4E9", days, byDay,
                        DayStats::maxSeconds, null).add("borderDash", Json.createArrayBuilder().add(6).add(4)));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", true))
                .add("runs", Json.createObjectBuilder().add("type", "linear").add("position", "left")
                        .add("stacked", true).add("beginAtZero", true).add("title", Json.createObjectBuilder()
                                .add("display", true).add("text", Texts.get("jobStats.runs"))))
                .add("seconds", Json.createObjectBuilder().add("type", "linear").add("position", "right")
                        .add("beginAtZero", true).add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
                        .add("title", Json.createObjectBuilder().add("display", true)
                                .add("text", Texts.get("jobStats.seconds"))));
        return ChartConfig.of("bar", labels, datasets, scales);
    }

    private static JsonObjectBuilder dataset(String label, String type, String axis, String colour,
            List<LocalDate> days, Map<LocalDate, DayStats> byDay, Function<DayStats, Double> value, Double none) {
        List<Double> values = days.stream().map(day -> {
            DayStats row = byDay.get(day);
            return row == null ? none : value.apply(row);
        }).toList();
        return ChartConfig.dataset(label, type, axis, colour, values).add("spanGaps", false);
    }

    /** Every job's rows of the period as CSV. */
    public void download() throws IOException {
        StringBuilder csv = new StringBuilder("job,day,runs,completed,failed,medianSeconds,maxSeconds\r\n");
        for (DayStats row : all) {
            csv.append(ReportResource.cell(row.job())).append(',').append(row.day()).append(',').append(row.runs())
                    .append(',').append(row.completed()).append(',').append(row.failed()).append(',')
                    .append(row.medianSeconds() == null ? "" : row.medianSeconds()).append(',')
                    .append(row.maxSeconds() == null ? "" : row.maxSeconds()).append("\r\n");
        }
        Download.text("text/csv", "job-runs-" + from + "-" + to + ".csv", csv.toString());
    }

    public List<String> getJobs() {
        return jobs;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }
}
