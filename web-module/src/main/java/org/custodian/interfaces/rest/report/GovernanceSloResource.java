package org.custodian.interfaces.rest.report;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.application.slo.GovernanceSloService;
import org.custodian.application.slo.GovernanceSloService.Evaluation;
import org.custodian.application.slo.GovernanceSloService.Report;
import org.custodian.application.slo.Objective;
import org.custodian.application.slo.SloEvaluations;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Governance SLOs (#25): the objectives of the caller's remit, as JSON or CSV, their history, an evaluation now. */
@Path("reports/governance-slo")
@RequestScoped
@SecurityRequirement(name = "bearer")
public class GovernanceSloResource {

    @EJB
    GovernanceSloService slo;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The governance objectives of the caller's remit measured now (PRIVACY_OFFICER: privacy and"
            + " access reviews; OPERATOR: backups and the audit trail; SUPERVISOR: security; AUDITOR: all), or of"
            + " one remit (remit=privacy|backup|audit|security|access-review): value, target, unit, status, basis")
    public Report report(@QueryParam("remit") String remit) {
        return slo.report(caller.get(), remit);
    }

    @GET
    @Produces(ReportResource.CSV)
    @Operation(summary = "The same objectives as CSV (RFC 4180, cells neutralised against formula injection)")
    public Response reportCsv(@QueryParam("remit") String remit) {
        return csv(slo.report(caller.get(), remit).objectives());
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored evaluations (the timer's, every custodian.slo.interval) in [from, to) (ISO-8601"
            + " instants or dates, default the last 30 days) of one objective or of all of the caller's remit")
    public List<SloEvaluations.Evaluation> history(@QueryParam("objective") String objective,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return slo.history(caller.get(), objective, from, to);
    }

    @POST
    @Path("evaluations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate every objective now, as the timer does (OPERATOR): a newly missed objective opens"
            + " one incident ticket and alert; one still missed opens none")
    public Evaluation evaluate() {
        return slo.evaluate(caller.get());
    }

    static Response csv(List<Objective> objectives) {
        return Response.ok(csvText(objectives), ReportResource.CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + CSV_FILE + "\"").build();
    }

    public static final String CSV_FILE = "governance-slo.csv";

    /** One row per objective; every text cell goes through the access reports' neutralising cell(). */
    public static String csvText(List<Objective> objectives) {
        StringBuilder csv = new StringBuilder("id,remit,value,target,unit,comparison,status,measuredAt,basis,detail\r\n");
        for (Objective o : objectives) {
            csv.append(ReportResource.cell(o.id())).append(',').append(ReportResource.cell(o.remit())).append(',')
                    .append(o.value() == null ? "" : o.value().toString()).append(',').append(o.target()).append(',')
                    .append(ReportResource.cell(o.unit())).append(',').append(ReportResource.cell(o.comparison()))
                    .append(',').append(ReportResource.cell(o.status())).append(',').append(o.measuredAt())
                    .append(',').append(ReportResource.cell(o.basis())).append(',')
                    .append(ReportResource.cell(o.detail())).append("\r\n");
        }
        return csv.toString();
    }
}
