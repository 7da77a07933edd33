package org.custodian.application.privacy;

import java.util.HashMap;
import java.util.Map;
import org.custodian.application.privacy.SubjectPackageData.AccessEntry;
import org.custodian.application.privacy.SubjectPackageData.CommentEntry;
import org.custodian.application.privacy.SubjectPackageData.RecordEntry;
import org.custodian.application.privacy.SubjectPackageData.TicketEntry;
import org.custodian.application.shared.HtmlTemplate;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;

/**
 * {@code subject-data.html}: the package's data as a page for people, from the template subject-package.html (markup
 * and CSS live there). The template escapes every value: names, subjects and comments come from people.
 */
final class SubjectPackageHtml {

    private static final HtmlTemplate PAGE = HtmlTemplate.fromResource(SubjectPackageHtml.class,
            "subject-package.html");

    private SubjectPackageHtml() {
    }

    static String of(SubjectPackageData data) {
        Map<String, Object> page = new HashMap<>();
        page.put("requestId", data.request().getId());
        page.put("requestType", data.request().getType());
        page.put("generatedAt", data.generatedAt());
        page.put("records", data.records().stream().map(SubjectPackageHtml::record).toList());
        page.put("tickets", data.tickets().stream().map(SubjectPackageHtml::ticket).toList());
        page.put("consents", data.consents().stream().map(SubjectPackageHtml::consent).toList());
        page.put("accessLog", data.accessLog().stream().map(SubjectPackageHtml::access).toList());
        page.put("accessLogPrunedBefore", data.accessLogPrunedBefore());
        page.put("attachments", data.attachments().stream().map(SubjectPackageHtml::attachment).toList());
        return PAGE.render(page);
    }

    private static Map<String, Object> record(RecordEntry entry) {
        Customer customer = entry.customer();
        Map<String, Object> row = new HashMap<>();
        row.put("id", customer.getId());
        row.put("name", customer.getName());
        row.put("email", customer.getEmail());
        row.put("phone", customer.getPhone());
        row.put("nationalId", customer.getNationalId());
        row.put("region", customer.getRegion());
        row.put("createdAt", customer.getCreatedAt());
        row.put("state", entry.state());
        return row;
    }

    private static Map<String, Object> ticket(TicketEntry entry) {
        Ticket ticket = entry.ticket();
        Map<String, Object> section = new HashMap<>();
        section.put("id", ticket.getId());
        section.put("subject", entry.subject());
        section.put("status", ticket.getStatus());
        section.put("category", ticket.getCategory());
        section.put("createdAt", ticket.getCreatedAt());
        section.put("description", entry.description());
        section.put("comments", entry.comments().stream().map(SubjectPackageHtml::comment).toList());
        return section;
    }

    private static Map<String, Object> comment(CommentEntry entry) {
        Comment comment = entry.comment();
        Map<String, Object> paragraph = new HashMap<>();
        paragraph.put("createdAt", comment.getCreatedAt());
        paragraph.put("channel", comment.getChannel());
        paragraph.put("visibility", comment.getVisibility());
        paragraph.put("body", entry.body());
        return paragraph;
    }

    private static Map<String, Object> attachment(SubjectPackageAttachments.Packaged file) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticketId", file.attachment().getTicketId());
        row.put("fileName", file.attachment().getFilename());
        row.put("contentType", file.attachment().getContentType());
        row.put("sizeBytes", file.attachment().getSizeBytes());
        row.put("createdAt", file.attachment().getCreatedAt());
        row.put("file", file.path() != null ? file.path() + (file.redacted() ? " (other people's data masked)" : "")
                : "not included: " + file.unavailable());
        return row;
    }

    private static Map<String, Object> consent(ConsentRecord consent) {
        Map<String, Object> row = new HashMap<>();
        row.put("customerId", consent.getCustomerId());
        row.put("purpose", consent.getPurpose());
        row.put("statement", consent.isGiven() ? "given" : "withdrawn");
        row.put("recordedAt", consent.getRecordedAt());
        row.put("source", consent.getSource());
        row.put("textVersion", consent.getTextVersion());
        return row;
    }

    private static Map<String, Object> access(AccessEntry entry) {
        AuditEvent event = entry.event();
        Map<String, Object> row = new HashMap<>();
        row.put("at", event.getOccurredAt());
        row.put("roles", event.getActorRoles());
        row.put("action", event.getAction());
        row.put("resource", event.getResourceType() + " " + entry.resourceId());
        row.put("outcome", event.getOutcome());
        row.put("basis", entry.basis());
        return row;
    }
}
