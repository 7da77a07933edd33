package org.custodian.interfaces.rest.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.application.privacy.PrivacyRecordsService;
import org.custodian.application.privacy.PrivacyRecordsService.DataCategory;
import org.custodian.application.privacy.PrivacyRecordsService.DpiaInputs;
import org.custodian.application.privacy.PrivacyRecordsService.Purpose;
import org.custodian.application.privacy.PrivacyRecordsService.RecordsOfProcessing;
import org.custodian.application.privacy.PrivacyRecordsService.RetentionRule;
import org.custodian.application.privacy.PrivacyRecordsService.Transfer;
import org.custodian.application.shared.Html;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("privacy")
@RequestScoped
@SecurityRequirement(name = "bearer")
public class PrivacyRecordsResource {

    @EJB
    PrivacyRecordsService records;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("records-of-processing")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records of processing (Art. 30 GDPR) from the live policy: data categories, subjects,"
            + " purposes, recipients, transfers, retention, security measures (privacy officer, auditor)")
    public RecordsOfProcessing recordsOfProcessing() {
        return records.recordsOfProcessing(caller.get());
    }

    @GET
    @Path("records-of-processing")
    // a lower server preference: a client that accepts anything (curl, */*) gets JSON; a browser asks for HTML
    @Produces(MediaType.TEXT_HTML + ";qs=0.5")
    @Operation(summary = "The records of processing as a document to read or print")
    public Response recordsOfProcessingHtml() {
        RecordsOfProcessing r = records.recordsOfProcessing(caller.get());
        HtmlPage html = new HtmlPage("Records of processing");
        html.paragraph("Generated " + r.generatedAt() + " from the policy in force. Controller: " + r.controller()
                + ". Contact: " + r.contact() + ".");
        html.heading("Purposes");
        html.table(List.of("Purpose", "Legal basis", "Impact assessment (DPIA)"),
                r.purposes().stream().map(p -> List.of(p.name(), p.legalBasis(), assessments(p))).toList());
        html.heading("Data subjects");
        html.list(r.dataSubjects());
        html.heading("Categories of personal data and recipients");
        html.table(List.of("Classification", "Fields", "Shown in full to", "Shown masked to"),
                r.categoriesOfPersonalData().stream().map(PrivacyRecordsResource::row).toList());
        html.heading("Transfers between regions");
        html.table(List.of("From", "To", "Basis", "Reason", "Since"), r.transfers().stream()
                .map((Transfer t) -> List.of(t.from(), t.to(), t.basis(), t.reason(), String.valueOf(t.since())))
                .toList());
        html.heading("Retention");
        html.table(List.of("Policy", "Categories", "Regions", "Kept", "Then"), r.retention().stream()
                .map((RetentionRule p) -> List.of(p.name(), all(p.categories()), all(p.regions()),
                        p.days() + " days " + ("AFTER_CLOSURE".equals(p.clock()) ? "after closure"
                                : "after last activity"), p.action()))
                .toList());
        html.paragraph(r.activeLegalHolds() + " active legal holds keep what they cover beyond these periods.");
        html.heading("Security measures in place");
        html.list(r.securityMeasures());
        return Response.ok(html.finish(), MediaType.TEXT_HTML + "; charset=UTF-8").build();
    }

    @GET
    @Path("dpia-inputs")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inputs for a DPIA: every field's classification and what each role sees of it, subjects"
            + " and tickets per region, volumes (privacy officer, auditor)")
    public DpiaInputs dpiaInputs() {
        return records.dpiaInputs(caller.get());
    }

    private static List<String> row(DataCategory category) {
        return List.of(category.classification(), String.join(", ", category.fields()),
                String.join(", ", category.recipientsFull()), String.join(", ", category.recipientsMasked()));
    }

    /** The DPIAs covering a purpose, with their state, or a note that none does (#25). */
    private static String assessments(Purpose purpose) {
        if (purpose.assessments().isEmpty()) {
            return "none";
        }
        return String.join("; ", purpose.assessments().stream().map(a -> "DPIA " + a.id() + " \"" + a.title()
                + "\" version " + a.version() + ", " + a.status() + ", review by " + a.reviewDate()).toList());
    }

    private static String all(List<String> values) {
        return values.isEmpty() ? "all" : String.join(", ", values);
    }

    /** A minimal HTML document; every text is escaped, since reasons and names come from users. */
    static final class HtmlPage {

        private final StringBuilder out = new StringBuilder(4096);

        HtmlPage(String title) {
            out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>")
                    .append(escape(title)).append("</title></head><body>\n<h1>").append(escape(title))
                    .append("</h1>\n");
        }

        void heading(String text) {
            out.append("<h2>").append(escape(text)).append("</h2>\n");
        }

        void paragraph(String text) {
            out.append("<p>").append(escape(text)).append("</p>\n");
        }

        void list(List<String> items) {
            out.append("<ul>\n");
            items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
            out.append("</ul>\n");
        }

        void table(List<String> header, List<List<String>> rows) {
            if (rows.isEmpty()) {
                out.append("<p>None.</p>\n");
                return;
            }
            out.append("<table>\n<tr>");
            header.forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
            out.append("</tr>\n");
            for (List<String> row : rows) {
                out.append("<tr>");
                row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }

        String finish() {
            return out.append("</body></html>\n").toString();
        }

        static String escape(String text) {
            return Html.escape(text);
        }
    }
}
