package org.custodian.application.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.custodian.application.privacy.SubjectPackageData.AccessEntry;
import org.custodian.application.privacy.SubjectPackageData.CommentEntry;
import org.custodian.application.privacy.SubjectPackageData.RecordEntry;
import org.custodian.application.privacy.SubjectPackageData.TicketEntry;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;

/**
 * {@code subject-data.json}, format custodian-subject-package-v1: the names, their order and the null rules are
 * documented in docs/privacy-package.md and are what portability consumers parse, so they change only with the
 * format name.
 */
final class SubjectPackageJson {

    static final String FORMAT = "custodian-subject-package-v1";

    private SubjectPackageJson() {
    }

    static String of(SubjectPackageData data) {
        JsonArrayBuilder records = Json.createArrayBuilder();
        data.records().forEach(entry -> records.add(record(entry)));
        JsonArrayBuilder tickets = Json.createArrayBuilder();
        data.tickets().forEach(entry -> tickets.add(ticket(entry)));
        JsonArrayBuilder consents = Json.createArrayBuilder();
        data.consents().forEach(consent -> consents.add(consent(consent)));
        JsonArrayBuilder accessLog = Json.createArrayBuilder();
        data.accessLog().forEach(entry -> accessLog.add(access(entry)));
        JsonArrayBuilder attachments = Json.createArrayBuilder();
        data.attachments().forEach(file -> attachments.add(attachment(file)));
        return Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("requestId", data.request().getId())
                .add("requestType", data.request().getType().name())
                .add("generatedAt", data.generatedAt().toString())
                .add("customerRecords", records)
                .add("tickets", tickets)
                .add("consents", consents)
                .add("accessLog", accessLog)
                .add("accessLogPrunedBefore", text(data.accessLogPrunedBefore()))
                .add("attachments", attachments)
                .build().toString();
    }

    private static JsonObjectBuilder record(RecordEntry entry) {
        Customer customer = entry.customer();
        return Json.createObjectBuilder()
                .add("id", customer.getId())
                .add("externalId", text(customer.getExternalId()))
                .add("name", customer.getName())
                .add("email", text(customer.getEmail()))
                .add("phone", text(customer.getPhone()))
                .add("nationalId", text(customer.getNationalId()))
                .add("region", customer.getRegion().name())
                .add("createdAt", customer.getCreatedAt().toString())
                .add("state", entry.state());
    }

    private static JsonObjectBuilder ticket(TicketEntry entry) {
        Ticket ticket = entry.ticket();
        JsonArrayBuilder comments = Json.createArrayBuilder();
        entry.comments().forEach(comment -> comments.add(comment(comment)));
        return Json.createObjectBuilder()
                .add("id", ticket.getId())
                .add("customerId", ticket.getCustomer().getId())
                .add("subject", entry.subject())
                .add("description", entry.description())
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
                .add("comments", comments);
    }

    private static JsonObjectBuilder comment(CommentEntry entry) {
        Comment comment = entry.comment();
        return Json.createObjectBuilder()
                .add("id", comment.getId())
                .add("body", entry.body())
                .add("visibility", comment.getVisibility().name())
                .add("channel", comment.getChannel().name())
                .add("author", "staff")
                .add("createdAt", comment.getCreatedAt().toString());
    }

    /** Added after the v1 names (#24): one entry per attachment of their tickets, the file itself under path. */
    private static JsonObjectBuilder attachment(SubjectPackageAttachments.Packaged file) {
        org.custodian.domain.model.attachment.Attachment attachment = file.attachment();
        JsonObjectBuilder entry = Json.createObjectBuilder()
                .add("id", attachment.getId())
                .add("ticketId", attachment.getTicketId())
                .add("fileName", attachment.getFilename())
                .add("contentType", attachment.getContentType())
                .add("sizeBytes", attachment.getSizeBytes())
                .add("sha256", attachment.getContentSha256())
                .add("createdAt", attachment.getCreatedAt().toString())
                .add("source", attachment.getSourceKind() == null ? "UPLOAD" : attachment.getSourceKind().name())
                .add("path", text(file.path()))
                .add("redacted", file.redacted());
        if (file.path() != null) {
            entry.add("fileBytes", file.bytes()).add("fileSha256", file.sha256());
        } else {
            entry.add("fileBytes", JsonValue.NULL).add("fileSha256", JsonValue.NULL);
        }
        return entry.add("unavailable", text(file.unavailable()));
    }

    private static JsonObjectBuilder consent(ConsentRecord consent) {
        return Json.createObjectBuilder()
                .add("customerId", consent.getCustomerId())
                .add("purpose", consent.getPurpose().name())
                .add("given", consent.isGiven())
                .add("recordedAt", consent.getRecordedAt().toString())
                .add("source", consent.getSource())
                .add("textVersion", consent.getTextVersion());
    }

    private static JsonObjectBuilder access(AccessEntry entry) {
        AuditEvent event = entry.event();
        return Json.createObjectBuilder()
                .add("at", event.getOccurredAt().toString())
                .add("roles", text(event.getActorRoles()))
                .add("action", event.getAction())
                .add("resourceType", text(event.getResourceType()))
                .add("resourceId", text(entry.resourceId()))
                .add("outcome", event.getOutcome().name())
                .add("basis", text(entry.basis()));
    }

    /** Absent values are JSON null, as the format says. */
    private static JsonValue text(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}
