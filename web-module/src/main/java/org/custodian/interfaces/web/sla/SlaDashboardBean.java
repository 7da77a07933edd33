package org.custodian.interfaces.web.sla;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.custodian.application.sla.SlaReportService;
import org.custodian.application.sla.SlaReportService.SlaReport;
import org.custodian.interfaces.rest.report.SlaReportCsv;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The SLA dashboard (#25, SLA_REPORT): for the chosen days (UTC, default the last 30), attainment and backlog by
 * team and by day and the volume by category, each as a chart with its numbers in a table and a CSV download (the
 * API's report, CSV and audit event). The period is in the address (view parameters), so a view can be shared.
 */
@Named
@ViewScoped
public class SlaDashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_DAYS = 30;

    @EJB
    SlaReportService reports;

    @Inject
    PortalCaller portal;

    private String from;
    private String to;
    private SlaReport byTeam;
    private SlaReport byDay;
    private SlaReport byCategory;

    /** The view action: the three reports of the period (a bad period shows why, and no charts). */
    public void load() {
        try {
            String[] period = period();
            byTeam = reports.report(portal.get(), period[0], period[1], "team");
            byDay = reports.report(portal.get(), period[0], period[1], "day");
            byCategory = reports.report(portal.get(), period[0], period[1], "category");
        } catch (RuntimeException e) {
            PageFailures.show(e, "period");
        }
    }

    /** The form: the same page with the period in its address (post-redirect-get). */
    public String show() {
        return "/sla-dashboard?faces-redirect=true&includeViewParams=true";
    }

    /** {from, to} of the report as instants: the first day's start and the day after the last one. */
    String[] period() {
        LocalDate last = date(to, "to");
        last = last != null ? last : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = date(from, "from");
        first = first != null ? first : last.minusDays(DEFAULT_DAYS - 1L);
        return new String[] {first.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()};
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new org.custodian.domain.shared.DomainRuleViolationException(field,
                    "must be a date such as 2026-12-31");
        }
    }

    /** Streams one of the three reports as CSV ({@code team}, {@code day} or {@code category}). */
    public void download(String groupBy) throws IOException {
        SlaReport report = switch (groupBy) {
            case "day" -> byDay;
            case "category" -> byCategory;
            default -> byTeam;
        };
        if (report == null) {
            return;
        }
        Download.text("text/csv", SlaReportCsv.fileName(report), SlaReportCsv.of(report));
    }

    public String getTeamChart() {
        return byTeam == null ? null : SlaCharts.attainment(byTeam.groups(), false,
                Texts.get("sla.dashboard.firstResponse"), Texts.get("sla.dashboard.resolution"),
                Texts.get("sla.dashboard.open"));
    }

    public String getDayChart() {
        return byDay == null ? null : SlaCharts.attainment(byDay.groups(), true,
                Texts.get("sla.dashboard.firstResponse"), Texts.get("sla.dashboard.resolution"),
                Texts.get("sla.dashboard.open"));
    }

    public String getCategoryChart() {
        return byCategory == null ? null : SlaCharts.volume(byCategory.groups(), Texts.get("sla.dashboard.tickets"));
    }

    public SlaReport getByTeam() {
        return byTeam;
    }

    public SlaReport getByDay() {
        return byDay;
    }

    public SlaReport getByCategory() {
        return byCategory;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
