package org.custodian.application.pii;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.pii.PiiRescanRepository;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.application.shared.Caller;

/**
 * Tickets and comments are redacted through {@link PiiService#redactForStorage}, the very rule every write goes
 * through, so a rescan removes exactly what an ingest today would have removed. Attachments are not rewritten (the
 * ingest does not redact them either): a text attachment in which the scan now finds card numbers or secrets is
 * flagged, as an upload today would be ({@link AttachmentRescan}).
 */
@Stateless
public class DefaultPiiRescanService implements PiiRescanService {

    @EJB
    private PiiService pii;

    @EJB
    private AuditService audit;

    @Inject
    private PiiRescanRepository records;

    @Inject
    private TicketRepository tickets;

    @Inject
    private RetentionRepository retention;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private AttachmentRescan attachments;

    @Override
    public List<Long> next(RescanTarget target, long afterId, int limit) {
        return switch (target) {
            case TICKETS -> records.ticketsAfter(afterId, limit);
            case COMMENTS -> records.commentsAfter(afterId, limit);
            case ATTACHMENTS -> records.textAttachmentsAfter(afterId, limit);
        };
    }

    @Override
    public Rescanned rescan(RescanTarget target, List<Long> ids, Caller job) {
        if (ids.isEmpty()) {
            return Rescanned.NONE;
        }
        // as a purge chunk: no hold can be placed until this commits, and every hold placed before is seen
        retention.shareHoldGuard();
        Tally tally = new Tally();
        switch (target) {
            case TICKETS -> {
                Guard guard = guard(ids);
                records.tickets(ids).forEach(ticket -> rescan(ticket, guard, tally));
            }
            case COMMENTS -> {
                List<Comment> comments = tickets.comments(ids);
                Guard guard = guard(comments.stream().map(comment -> comment.getTicket().getId()).toList());
                comments.forEach(comment -> rescan(comment, guard, tally));
            }
            case ATTACHMENTS -> attachments.rescan(records.attachments(ids), this::guard, tally);
        }
        if (!tally.events.isEmpty()) {
            audit.recordAll(job, tally.events);
        }
        return tally.total();
    }

    private void rescan(Ticket ticket, Guard guard, Tally tally) {
        Redaction subject = pii.redactForStorage(ticket.getSubject());
        Redaction description = pii.redactForStorage(ticket.getDescription());
        tally.read(Utf8.length(ticket.getSubject()) + Utf8.length(ticket.getDescription()));
        Redaction all = new Redaction(null, Redaction.merge(subject, description));
        String resource = String.valueOf(ticket.getId());
        if (!all.changed() || guard.skips(ticket.getId())) {
            return;
        }
        String keptBecause = guard.keptBecause(ticket.getId());
        if (keptBecause != null) {
            tally.kept(AuditActions.TICKET, resource, all, keptBecause);
            return;
        }
        ticket.redactStored(subject.text(), description.text(), all.counts().keySet());
        tally.redacted(AuditActions.TICKET, resource, all);
    }

    private void rescan(Comment comment, Guard guard, Tally tally) {
        long ticketId = comment.getTicket().getId();
        Redaction body = pii.redactForStorage(comment.getBody());
        tally.read(Utf8.length(comment.getBody()));
        String resource = ticketId + "/" + comment.getId();
        if (!body.changed() || guard.skips(ticketId)) {
            return;
        }
        String keptBecause = guard.keptBecause(ticketId);
        if (keptBecause != null) {
            tally.kept(AuditActions.COMMENT, resource, body, keptBecause);
            return;
        }
        comment.redactStored(body.text(), body.counts().keySet());
        tally.redacted(AuditActions.COMMENT, resource, body);
    }

    /** Locks the records' tickets (a concurrent edit waits) and reads the holds and restrictions that apply. */
    Guard guard(Collection<Long> ticketIds) {
        Map<Long, RetentionSubject> subjects = new HashMap<>();
        retention.lockSubjects(new TreeSet<>(ticketIds)).forEach(subject -> subjects.put(subject.ticketId(),
                subject));
        return new Guard(subjects, retention.holds(true), restrictions.restrictedCustomers());
    }

    /** Why a record's findings are reported instead of redacted, for the records of one chunk. */
    record Guard(Map<Long, RetentionSubject> subjects, List<LegalHold> holds, Set<Long> restricted) {

        /** Gone or anonymized since the page was read: nothing personal left to scan. */
        boolean skips(long ticketId) {
            RetentionSubject subject = subjects.get(ticketId);
            return subject == null || subject.isAnonymized();
        }

        /** "legal hold" or "restriction" (GDPR Art. 18), null when the record may be changed. */
        String keptBecause(long ticketId) {
            RetentionSubject subject = subjects.get(ticketId);
            if (holds.stream().anyMatch(hold -> hold.covers(subject))) {
                return "legal hold";
            }
            return restricted.contains(subject.customerId()) ? "restriction" : null;
        }
    }

    /** The chunk's counts and audit events, written together at its end. */
    static final class Tally {

        final List<AuditService.Entry> events = new ArrayList<>();
        private long scanned;
        private long bytes;
        private long redacted;
        private long kept;

        void read(long textBytes) {
            scanned++;
            bytes += textBytes;
        }

        void redacted(String resourceType, String resourceId, Redaction found) {
            redacted++;
            events.add(new AuditService.Entry(AuditActions.PII_REDACTED, resourceType, resourceId,
                    fields(found, "found=rescan"), AuditOutcome.SUCCESS));
        }

        void flagged(String resourceId, long attachmentId, String summary) {
            redacted++;
            events.add(new AuditService.Entry(AuditActions.PII_FLAGGED, AuditActions.TICKET, resourceId,
                    List.of("attachment=" + attachmentId, "pii=" + summary, "found=rescan"), AuditOutcome.SUCCESS));
        }

        void unreadable(String resourceId, long attachmentId) {
            events.add(new AuditService.Entry(AuditActions.PII_FLAGGED, AuditActions.TICKET, resourceId,
                    List.of("attachment=" + attachmentId, "unreadable=true", "found=rescan"), AuditOutcome.FAILURE));
        }

        void kept(String resourceType, String resourceId, Redaction found, String because) {
            kept++;
            events.add(new AuditService.Entry(AuditActions.PII_FOUND_KEPT, resourceType, resourceId,
                    fields(found, "kept=" + because), AuditOutcome.SUCCESS));
        }

        void keptAttachment(String resourceId, long attachmentId, String summary, String because) {
            kept++;
            events.add(new AuditService.Entry(AuditActions.PII_FOUND_KEPT, AuditActions.TICKET, resourceId,
                    List.of("attachment=" + attachmentId, "pii=" + summary, "kept=" + because),
                    AuditOutcome.SUCCESS));
        }

        Rescanned total() {
            return new Rescanned(scanned, bytes, redacted, kept);
        }

        private static List<String> fields(Redaction found, String why) {
            List<String> fields = new ArrayList<>(found.summaryEntries());
            fields.add(why);
            return fields;
        }
    }
}
