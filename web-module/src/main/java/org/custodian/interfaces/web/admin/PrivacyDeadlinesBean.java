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
import java.time.Clock;
import java.util.List;
import org.custodian.application.privacy.PrivacyDeadlines;
import org.custodian.application.privacy.PrivacyDeadlines.Due;
import org.custodian.application.privacy.PrivacyDeadlines.Plan;
import org.custodian.application.privacy.PrivacyDeadlines.Week;
import org.custodian.application.privacy.PrivacyRequestService;
import org.custodian.interfaces.rest.report.ReportResource;
import org.custodian.interfaces.web.ChartConfig;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * For privacy officers (#25): the subject requests whose legal deadline has passed or comes within the next weeks,
 * soonest first, with a chart of how many fall due per week, its numbers in a table beside it and both as CSV (cells
 * neutralised against formula injection, as the access reports do).
 */
@Named
@ViewScoped
public class PrivacyDeadlinesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How far ahead the view looks: two months covers a month's deadline and most extensions in sight. */
    static final int WEEKS_AHEAD = 8;

    @EJB
    PrivacyRequestService requests;

    @Inject
    PortalCaller portal;

    private Plan plan;

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            plan = PrivacyDeadlines.plan(requests.list(portal.get(), false, null), Clock.systemUTC().instant(),
                    WEEKS_AHEAD);
        });
    }

    public Plan getPlan() {
        return plan;
    }

    /** Requests due per week as a Chart.js bar chart: overdue and still open, stacked (JSON built safely). */
    public String getChart() {
        if (plan == null) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder open = Json.createArrayBuilder();
        JsonArrayBuilder late = Json.createArrayBuilder();
        for (Week week : plan.weeks()) {
            labels.add(week.start().toString());
            open.add(week.due() - week.overdue());
            late.add(week.overdue());
        }
        return ChartConfig.of("bar", labels, Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Texts.get("privacyDeadlines.chart.overdue"))
                                .add("data", late).add("backgroundColor", "#D55E00"))
                        .add(Json.createObjectBuilder().add("label", Texts.get("privacyDeadlines.chart.open"))
                                .add("data", open).add("backgroundColor", "#0072B2")),
                Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder().add("stacked", true))
                        .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    }

    /** The chart's numbers: week (Monday, UTC), due, of them overdue. */
    public void downloadWeeks() throws IOException {
        send("privacy-deadlines-weeks.csv", weeksCsv(plan));
    }

    /** The requests of the table, soonest due first. */
    public void downloadRequests() throws IOException {
        send("privacy-deadlines.csv", requestsCsv(plan));
    }

    static String weeksCsv(Plan plan) {
        StringBuilder csv = new StringBuilder("week,due,overdue\r\n");
        for (Week week : plan == null ? List.<Week>of() : plan.weeks()) {
            csv.append(week.start()).append(',').append(week.due()).append(',').append(week.overdue()).append("\r\n");
        }
        return csv.toString();
    }

    /** Every text cell through the access reports' CSV cell: quoted as RFC 4180 says, formulas neutralised. */
    static String requestsCsv(Plan plan) {
        StringBuilder csv = new StringBuilder("id,type,status,receivedAt,dueAt,daysLeft,overdue,extended,assignee\r\n");
        for (Due due : plan == null ? List.<Due>of() : plan.requests()) {
            csv.append(due.id()).append(',').append(ReportResource.cell(due.type())).append(',')
                    .append(ReportResource.cell(due.status())).append(',').append(due.receivedAt()).append(',')
                    .append(due.dueAt()).append(',').append(due.daysLeft()).append(',').append(due.overdue())
                    .append(',').append(due.extended()).append(',')
                    .append(ReportResource.cell(due.assignee() == null ? "" : due.assignee())).append("\r\n");
        }
        return csv.toString();
    }

    private static void send(String file, String csv) throws IOException {
        Download.text("text/csv", file, csv);
    }
}
