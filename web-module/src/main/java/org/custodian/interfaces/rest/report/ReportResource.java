package org.custodian.interfaces.rest.report;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.custodian.application.audit.report.AccessReportService;
import org.custodian.application.audit.report.AccessReportService.AccessReport;
import org.custodian.application.audit.report.AccessReportService.Row;
import org.custodian.application.audit.report.AccessReportService.TicketAccess;
import org.custodian.application.audit.report.AccessReportService.UserHistory;
import org.custodian.application.sla.SlaReportService;
import org.custodian.application.sla.SlaReportService.SlaReport;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("reports")
@RequestScoped
@SecurityRequirement(name = "bearer")
public class ReportResource {

    public static final String CSV = "text/csv";

    @EJB
    AccessReportService reports;

    @EJB
    SlaReportService slaReports;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("access")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reads of record data in [from, to), grouped by role, region, user or day;"
            + " classification=CONFIDENTIAL|RESTRICTED counts only reads that revealed such data. Days pruned from"
            + " the trail count from their daily aggregates when grouped by role or day (prunedNote says how)."
            + " With credential={keyId} instead: the leaked-key drill, everything that API key read, changed or was"
            + " refused, from where (from and to optional)")
    public Object access(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("classification") String classification, @QueryParam("groupBy") String groupBy,
            @QueryParam("credential") String credential) {
        if (credential != null) {
            return reports.credentialAccess(caller.get(), credential, from, to);
        }
        return reports.accessReport(caller.get(), from, to, classification, groupBy);
    }

    @GET
    @Path("access")
    @Produces(CSV)
    @Operation(summary = "The same report as CSV (RFC 4180), one row per group")
    public Response accessCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("classification") String classification, @QueryParam("groupBy") String groupBy) {
        AccessReport report = reports.accessReport(caller.get(), from, to, classification, groupBy);
        StringBuilder csv = new StringBuilder(report.groupBy()).append(",reads,users,fieldsFull,fieldsMasked,"
                + "ownRegion,transferRule,noTransferRule,grant,breakGlass,confidential,restricted,readsFromDailyCounts\r\n");
        for (Row row : report.rows()) {
            csv.append(cell(row.key())).append(',').append(row.reads()).append(',').append(row.users()).append(',')
                    .append(row.fieldsFull()).append(',').append(row.fieldsMasked());
            for (String basis : new String[] {"OWN_REGION", "TRANSFER_RULE", "NO_TRANSFER_RULE", "GRANT",
                "BREAK_GLASS"}) {
                csv.append(',').append(count(row.bases(), basis));
            }
            csv.append(',').append(count(row.classifications(), "CONFIDENTIAL"))
                    .append(',').append(count(row.classifications(), "RESTRICTED"))
                    .append(',').append(row.readsFromDailyCounts()).append("\r\n");
        }
        return Response.ok(csv.toString(), CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"access-report.csv\"").build();
    }

    @GET
    @Path("sla")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "SLA attainment (#25) of the clocks that started in [from, to) (default: the last 30 days;"
            + " at most 366 days), grouped by team, region, priority, category or day (UTC): tickets, still open,"
            + " first-response and resolution attainment (% met of those met or missed), p50/p90 times in business"
            + " minutes of the policy's calendar, breaches. format=csv (or Accept: text/csv) gives CSV. SLA_REPORT")
    public Response sla(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = csvFormat(format) || wantsCsv(headers);
        SlaReport report = slaReports.report(caller.get(), from, to, groupBy);
        return csv ? slaCsv(report) : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when asked for by name before JSON (no Accept, or a wildcard, means JSON: one method, one answer). */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equalsIgnoreCase(type.getType()) && "csv".equalsIgnoreCase(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    /** {@code format}: absent or json, or csv; anything else is a 400 naming the parameter. */
    private static boolean csvFormat(String format) {
        String wanted = format == null ? "" : format.trim().toLowerCase(java.util.Locale.ROOT);
        new RuleCheck().require(wanted.isEmpty() || wanted.equals("json") || wanted.equals("csv"), "format",
                "must be json or csv (or send Accept: text/csv)").throwIfAny();
        return wanted.equals("csv");
    }

    private static Response slaCsv(SlaReport report) {
        return Response.ok(SlaReportCsv.of(report), CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + SlaReportCsv.fileName(report) + "\"").build();
    }

    @GET
    @Path("access/tickets/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who saw which fields of this ticket, when, under which decision")
    public TicketAccess ticket(@PathParam("id") long id) {
        return reports.ticketAccess(caller.get(), id);
    }

    @GET
    @Path("access/users/{username}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What happened to one user account: creation, changes (before/after; personal values as"
            + " keyed hashes), four-eyes requests and decisions, invitations, disabling, sign-ins, revoked tokens")
    public UserHistory user(@PathParam("username") String username) {
        return reports.userHistory(caller.get(), username);
    }

    private static long count(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    public static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
