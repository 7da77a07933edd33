package org.custodian.interfaces.rest.report;

import org.custodian.application.sla.SlaReportService.Group;
import org.custodian.application.sla.SlaReportService.SlaReport;

/**
 * The SLA report as CSV (RFC 4180, CRLF), one row per group; the group names are neutralised against formula
 * injection the way the access report's are ({@link ReportResource#cell}). Shared by the API and the dashboard.
 */
public final class SlaReportCsv {

    public static final String HEADER = "tickets,open,firstResponseAttainment,firstResponseMet,"
            + "firstResponseMissed,resolutionAttainment,resolutionMet,resolutionMissed,breaches,"
            + "firstResponseP50Minutes,firstResponseP90Minutes,resolutionP50Minutes,resolutionP90Minutes";

    private SlaReportCsv() {
    }

    public static String of(SlaReport report) {
        StringBuilder csv = new StringBuilder(report.groupBy()).append(',').append(HEADER).append("\r\n");
        for (Group g : report.groups()) {
            csv.append(ReportResource.cell(g.key() == null ? "" : g.key())).append(',').append(g.tickets())
                    .append(',').append(g.open()).append(',').append(number(g.firstResponseAttainment()))
                    .append(',').append(g.firstResponseMet()).append(',').append(g.firstResponseMissed())
                    .append(',').append(number(g.resolutionAttainment())).append(',').append(g.resolutionMet())
                    .append(',').append(g.resolutionMissed()).append(',').append(g.breaches())
                    .append(',').append(number(g.firstResponseP50Minutes()))
                    .append(',').append(number(g.firstResponseP90Minutes()))
                    .append(',').append(number(g.resolutionP50Minutes()))
                    .append(',').append(number(g.resolutionP90Minutes())).append("\r\n");
        }
        return csv.toString();
    }

    /** The file name for a download: the grouping and the period's days. */
    public static String fileName(SlaReport report) {
        return "sla-report-" + report.groupBy() + "-" + report.from().toString().substring(0, 10) + "-"
                + report.to().toString().substring(0, 10) + ".csv";
    }

    private static String number(Double value) {
        return value == null ? "" : String.valueOf(value);
    }
}
