package org.custodian.application.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.application.shared.Html;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.pii.PiiDetector;
import org.custodian.domain.model.pii.PiiFinding;
import org.custodian.domain.model.pii.PiiMasker;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;

/**
 * The package's two documents, from what was read about the subject: {@code subject-data.json} (format
 * custodian-subject-package-v1, docs/privacy-package.md) and {@code subject-data.html}, the same content for
 * people. Other people's personal data is left out: staff appear as "staff", the access log names roles, not
 * users, and personal data the PII detector finds in texts is masked unless it is one of the subject's own values.
 */
record SubjectPackageContent(String json, String html, int records, int tickets, int comments, int accessEvents) {

    static final String FORMAT = "custodian-subject-package-v1";
    private static final PiiDetector DETECTOR = new PiiDetector();

    static SubjectPackageContent of(PrivacyRequest request, Instant generatedAt, List<Customer> records,
            Set<Long> restricted, List<Ticket> tickets, Map<Long, List<Comment>> comments, List<ConsentRecord> consents,
            List<AuditEvent> accesses, Instant prunedBefore) {
        Set<String> own = ownValues(records);
        JsonArrayBuilder recordsJson = Json.createArrayBuilder();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your data (request ")
                .append(request.getId()).append(")</title><style>body{font-family:sans-serif;max-width:60em;"
                + "margin:auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;"
                + "text-align:left;vertical-align:top}</style></head><body>\n<h1>The data we hold about you</h1>\n"
                + "<p>Answer to request ")
                .append(request.getId()).append(" (").append(request.getType()).append("), generated ")
                .append(generatedAt).append(". The same data, machine-readable, is in subject-data.json.</p>\n");
        html.append("<h2>Your records</h2>\n<table><tr><th>Record</th><th>Name</th><th>E-mail</th><th>Phone</th>"
                + "<th>National id</th><th>Region</th><th>Since</th><th>State</th></tr>\n");
        for (Customer customer : records) {
            String state = customer.getErasedAt() != null ? "erased " + customer.getErasedAt()
                    : restricted.contains(customer.getId()) ? "processing restricted" : "active";
            recordsJson.add(Json.createObjectBuilder()
                    .add("id", customer.getId())
                    .add("externalId", text(customer.getExternalId()))
                    .add("name", customer.getName())
                    .add("email", text(customer.getEmail()))
                    .add("phone", text(customer.getPhone()))
                    .add("nationalId", text(customer.getNationalId()))
                    .add("region", customer.getRegion().name())
                    .add("createdAt", customer.getCreatedAt().toString())
                    .add("state", state));
            html.append("<tr>").append(cell(customer.getId())).append(cell(customer.getName()))
                    .append(cell(customer.getEmail())).append(cell(customer.getPhone()))
                    .append(cell(customer.getNationalId())).append(cell(customer.getRegion()))
                    .append(cell(customer.getCreatedAt())).append(cell(state)).append("</tr>\n");
        }
        html.append("</table>\n<h2>Your tickets</h2>\n");
        JsonArrayBuilder ticketsJson = Json.createArrayBuilder();
        int commentCount = 0;
        for (Ticket ticket : tickets) {
            String subject = redact(ticket.getSubject(), own);
            String description = redact(ticket.getDescription(), own);
            JsonArrayBuilder commentsJson = Json.createArrayBuilder();
            html.append("<h3>Ticket ").append(ticket.getId()).append(": ").append(escape(subject)).append("</h3>\n<p>")
                    .append(escape(ticket.getStatus())).append(", ").append(escape(ticket.getCategory()))
                    .append(", opened ").append(ticket.getCreatedAt()).append("</p>\n<pre>")
                    .append(escape(description)).append("</pre>\n");
            for (Comment comment : comments.getOrDefault(ticket.getId(), List.of())) {
                String body = redact(comment.getBody(), own);
                commentsJson.add(Json.createObjectBuilder()
                        .add("id", comment.getId())
                        .add("body", body)
                        .add("visibility", comment.getVisibility().name())
                        .add("channel", comment.getChannel().name())
                        .add("author", "staff")
                        .add("createdAt", comment.getCreatedAt().toString()));
                html.append("<p><strong>").append(comment.getCreatedAt()).append(", ")
                        .append(escape(comment.getChannel())).append(", ").append(escape(comment.getVisibility()))
                        .append(":</strong></p>\n<pre>").append(escape(body)).append("</pre>\n");
                commentCount++;
            }
            ticketsJson.add(Json.createObjectBuilder()
                    .add("id", ticket.getId())
                    .add("customerId", ticket.getCustomer().getId())
                    .add("subject", subject)
                    .add("description", description)
                    .add("status", ticket.getStatus().name())
                    .add("priority", ticket.getPriority().name())
                    .add("category", ticket.getCategory())
                    .add("productSku", text(ticket.getProductSku()))
                    .add("siteCode", text(ticket.getSiteCode()))
                    .add("region", ticket.getRegion().name())
                    .add("createdAt", ticket.getCreatedAt().toString())
                    .add("updatedAt", ticket.getUpdatedAt().toString())
                    .add("resolvedAt", text(ticket.getResolvedAt()))
                    .add("anonymized", ticket.getAnonymizedAt() != null)
                    .add("comments", commentsJson));
        }
        html.append("<h2>Your consents</h2>\n<table><tr><th>Record</th><th>Purpose</th><th>Statement</th>"
                + "<th>When</th><th>Where</th><th>Wording</th></tr>\n");
        JsonArrayBuilder consentJson = Json.createArrayBuilder();
        for (ConsentRecord consent : consents) {
            consentJson.add(Json.createObjectBuilder()
                    .add("customerId", consent.getCustomerId())
                    .add("purpose", consent.getPurpose().name())
                    .add("given", consent.isGiven())
                    .add("recordedAt", consent.getRecordedAt().toString())
                    .add("source", consent.getSource())
                    .add("textVersion", consent.getTextVersion()));
            html.append("<tr>").append(cell(consent.getCustomerId())).append(cell(consent.getPurpose()))
                    .append(cell(consent.isGiven() ? "given" : "withdrawn")).append(cell(consent.getRecordedAt()))
                    .append(cell(consent.getSource())).append(cell(consent.getTextVersion())).append("</tr>\n");
        }
        html.append("</table>\n<h2>Who accessed your data</h2>\n<p>Every read and change of your records, by role"
                + " (our staff are not named), with the basis it was allowed on.")
                .append(prunedBefore == null ? "" : " Entries before " + prunedBefore + " are no longer kept"
                        + " individually (only daily counts).")
                .append("</p>\n<table><tr><th>When</th><th>Role</th><th>What</th><th>Record</th><th>Result</th>"
                        + "<th>Basis</th></tr>\n");
        JsonArrayBuilder accessJson = Json.createArrayBuilder();
        Set<String> ownIds = new HashSet<>();
        records.forEach(customer -> ownIds.add(String.valueOf(customer.getId())));
        tickets.forEach(ticket -> ownIds.add(String.valueOf(ticket.getId())));
        for (AuditEvent event : accesses) {
            String basis = basis(event.getFields());
            String resourceId = ownPart(event.getResourceId(), ownIds);
            accessJson.add(Json.createObjectBuilder()
                    .add("at", event.getOccurredAt().toString())
                    .add("roles", text(event.getActorRoles()))
                    .add("action", event.getAction())
                    .add("resourceType", text(event.getResourceType()))
                    .add("resourceId", text(resourceId))
                    .add("outcome", event.getOutcome().name())
                    .add("basis", text(basis)));
            html.append("<tr>").append(cell(event.getOccurredAt())).append(cell(event.getActorRoles()))
                    .append(cell(event.getAction())).append(cell(event.getResourceType() + " " + resourceId))
                    .append(cell(event.getOutcome())).append(cell(basis))
                    .append("</tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("requestId", request.getId())
                .add("requestType", request.getType().name())
                .add("generatedAt", generatedAt.toString())
                .add("customerRecords", recordsJson)
                .add("tickets", ticketsJson)
                .add("consents", consentJson)
                .add("accessLog", accessJson)
                .add("accessLogPrunedBefore", text(prunedBefore));
        return new SubjectPackageContent(document.build().toString(), html.toString(), records.size(), tickets.size(),
                commentCount, accesses.size());
    }

    /** The subject's own identifiers, normalized as the detector's findings are compared. */
    private static Set<String> ownValues(List<Customer> records) {
        Set<String> own = new HashSet<>();
        for (Customer customer : records) {
            if (customer.getEmail() != null) {
                own.add(normalize(customer.getEmail()));
            }
            if (customer.getPhone() != null) {
                own.add(normalize(customer.getPhone()));
            }
            if (customer.getNationalId() != null) {
                own.add(normalize(customer.getNationalId()));
            }
        }
        return own;
    }

    /** Personal data in a text that is not the subject's own is masked, as the PII detector finds it. */
    static String redact(String text, Set<String> own) {
        if (text == null) {
            return null;
        }
        List<PiiFinding> others = new ArrayList<>();
        for (PiiFinding finding : DETECTOR.scan(text)) {
            if (!own.contains(normalize(finding.valueIn(text)))) {
                others.add(finding);
            }
        }
        return PiiMasker.mask(text, others);
    }

    private static String normalize(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.contains("@") ? lower : lower.replaceAll("[^0-9a-z]", "");
    }

    /**
     * The subject's own ids in an event's resource id: a search lists every ticket it showed ("3,42,57"), and the
     * other ids are other people's tickets. A comment's "42/7" keeps its comment part.
     */
    static String ownPart(String resourceId, Set<String> ownIds) {
        if (resourceId == null || !resourceId.contains(",")) {
            return resourceId;
        }
        List<String> kept = new ArrayList<>();
        for (String id : resourceId.split(",")) {
            if (ownIds.contains(id.trim())) {
                kept.add(id.trim());
            }
        }
        return String.join(",", kept);
    }

    /** The decision basis an access event records ("basis=OWN_REGION"), if any. */
    private static String basis(String fields) {
        if (fields == null) {
            return null;
        }
        for (String part : fields.split(",")) {
            if (part.startsWith("basis=")) {
                return part.substring("basis=".length());
            }
        }
        return null;
    }

    private static jakarta.json.JsonValue text(Object value) {
        return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value.toString());
    }

    private static String cell(Object value) {
        return "<td>" + escape(value) + "</td>";
    }

    /** Every text is escaped: names, subjects and comments come from people. */
    static String escape(Object value) {
        return Html.escape(value == null ? null : value.toString());
    }
}
