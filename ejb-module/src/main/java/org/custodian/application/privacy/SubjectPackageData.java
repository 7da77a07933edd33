package org.custodian.application.privacy;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;

/**
 * What a subject package tells the subject, already cut to what they may see (texts redacted, access entries
 * narrowed to their own records): the one source both documents are rendered from, so they cannot disagree.
 */
record SubjectPackageData(PrivacyRequest request, Instant generatedAt, List<RecordEntry> records,
        List<TicketEntry> tickets, List<ConsentRecord> consents, List<AccessEntry> accessLog,
        Instant accessLogPrunedBefore, List<SubjectPackageAttachments.Packaged> attachments) {

    /** A customer record and its state: {@code active}, {@code processing restricted} or {@code erased <time>}. */
    record RecordEntry(Customer customer, String state) {
    }

    /** A ticket with its subject and description redacted, and its comments. */
    record TicketEntry(Ticket ticket, String subject, String description, List<CommentEntry> comments) {
    }

    /** A comment with its body redacted. */
    record CommentEntry(Comment comment, String body) {
    }

    /** An audit event with only the subject's own ids in its resource id, and its decision basis if recorded. */
    record AccessEntry(AuditEvent event, String resourceId, String basis) {
    }

    int commentCount() {
        return tickets.stream().mapToInt(ticket -> ticket.comments().size()).sum();
    }
}
