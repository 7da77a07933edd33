package org.custodian.application.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.application.privacy.SubjectPackageData.AccessEntry;
import org.custodian.application.privacy.SubjectPackageData.CommentEntry;
import org.custodian.application.privacy.SubjectPackageData.RecordEntry;
import org.custodian.application.privacy.SubjectPackageData.TicketEntry;
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
 * custodian-subject-package-v1, docs/privacy-package.md, written by {@link SubjectPackageJson}) and {@code
 * subject-data.html}, the same content for people ({@link SubjectPackageHtml}). Other people's personal data is left
 * out here, before either is written: staff appear as "staff", the access log names roles, not users, and personal
 * data the PII detector finds in texts is masked unless it is one of the subject's own values.
 */
record SubjectPackageContent(String json, String html, int records, int tickets, int comments, int accessEvents,
        List<SubjectPackageAttachments.Packaged> attachmentFiles) {

    private static final PiiDetector DETECTOR = new PiiDetector();

    static SubjectPackageContent of(PrivacyRequest request, Instant generatedAt, List<Customer> records,
            Set<Long> restricted, List<Ticket> tickets, Map<Long, List<Comment>> comments, List<ConsentRecord> consents,
            List<AuditEvent> accesses, Instant prunedBefore, List<SubjectPackageAttachments.Packaged> attachments) {
        Set<String> own = ownValues(records);
        List<RecordEntry> recordEntries = new ArrayList<>();
        for (Customer customer : records) {
            String state = customer.getErasedAt() != null ? "erased " + customer.getErasedAt()
                    : customer.isTombstone() ? "merged into " + customer.getMergedInto() + " at "
                            + customer.getMergedAt()
                    : restricted.contains(customer.getId()) ? "processing restricted" : "active";
            recordEntries.add(new RecordEntry(customer, state));
        }
        List<TicketEntry> ticketEntries = new ArrayList<>();
        for (Ticket ticket : tickets) {
            List<CommentEntry> commentEntries = new ArrayList<>();
            for (Comment comment : comments.getOrDefault(ticket.getId(), List.of())) {
                commentEntries.add(new CommentEntry(comment, redact(comment.getBody(), own)));
            }
            ticketEntries.add(new TicketEntry(ticket, redact(ticket.getSubject(), own),
                    redact(ticket.getDescription(), own), commentEntries));
        }
        Set<String> ownIds = new HashSet<>();
        records.forEach(customer -> ownIds.add(String.valueOf(customer.getId())));
        tickets.forEach(ticket -> ownIds.add(String.valueOf(ticket.getId())));
        List<AccessEntry> accessEntries = new ArrayList<>();
        for (AuditEvent event : accesses) {
            accessEntries.add(new AccessEntry(event, ownPart(event.getResourceId(), ownIds), basis(event.getFields())));
        }
        SubjectPackageData data = new SubjectPackageData(request, generatedAt, recordEntries, ticketEntries, consents,
                accessEntries, prunedBefore, attachments);
        return new SubjectPackageContent(SubjectPackageJson.of(data), SubjectPackageHtml.of(data), records.size(),
                tickets.size(), data.commentCount(), accesses.size(), List.copyOf(attachments));
    }

    /** The subject's own identifiers, normalized as the detector's findings are compared. */
    static Set<String> ownValues(List<Customer> records) {
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
}
