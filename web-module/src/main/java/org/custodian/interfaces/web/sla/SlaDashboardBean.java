package org.custodian.interfaces.web.sla;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.custodian.application.sla.SlaReportService;
import org.custodian.application.sla.SlaService;
import org.custodian.application.user.DisplayPreferencesService;
import org.custodian.application.sla.SlaReportService.SlaReport;
import org.custodian.interfaces.rest.report.SlaReportCsv;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The SLA dashboard (#25, SLA_REPORT): for the chosen days (the viewer's: {@link ViewerZone}, default the last 30), attainment and backlog by
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

    @EJB
    SlaService sla;

    @EJB
    DisplayPreferencesService preferences;

    private ViewerZone zone;
    private LocalDate firstDay;
    private LocalDate lastDay;

    private String from;
    private String to;
    private SlaReport byTeam;
    private SlaReport byDay;
    private SlaReport byCategory;

    /** The view action: the three reports of the period (a bad period shows why, and no charts). */
    public void load() {
        try {
            zone = viewerZone();
            String[] period = period();
            byTeam = reports.report(portal.get(), period[0], period[1], "team");
            byDay = reports.report(portal.get(), period[0], period[1], "day", zone.zone());
            byCategory = reports.report(portal.get(), period[0], period[1], "category");
        } catch (RuntimeException e) {
            PageFailures.show(e, "period");
        }
    }

    /** The viewer's zone: their profile's if set, else their region's business calendar's, else UTC. */
    private ViewerZone viewerZone() {
        String username = portal.get().username();
        String own = preferences.of(username).map(p -> p.timeZone()).orElse(null);
        java.util.List<SlaService.CalendarView> calendars;
        try {
            calendars = own == null || own.isBlank() ? sla.calendars(portal.get()) : java.util.List.of();
        } catch (RuntimeException e) {
            calendars = java.util.List.of(); // no SLA_READ: the days stay UTC
        }
        java.util.Set<String> regions = new java.util.TreeSet<>();
        portal.get().regions().forEach(region -> regions.add(region.name()));
        return ViewerZone.of(own, regions, calendars);
    }

    /** The form: the same page with the period in its address (post-redirect-get). */
    public String show() {
        return "/sla-dashboard?faces-redirect=true&includeViewParams=true";
    }

    /** {from, to} of the report as instants: the first day's start and the day after the last one. */
    String[] period() {
        ZoneId days = zone == null ? ZoneOffset.UTC : zone.zone();
        LocalDate last = date(to, "to");
        last = last != null ? last : LocalDate.now(days);
        LocalDate first = date(from, "from");
        first = first != null ? first : last.minusDays(DEFAULT_DAYS - 1L);
        firstDay = first;
        lastDay = last;
        return new String[] {first.atStartOfDay(days).toInstant().toString(),
            last.plusDays(1).atStartOfDay(days).toInstant().toString()};
    }

    /** The first and the last day shown, in the viewer's zone. */
    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public ViewerZone getZone() {
        return zone;
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
