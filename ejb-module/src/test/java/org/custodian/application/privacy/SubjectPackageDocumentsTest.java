package org.custodian.application.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * The package's two documents byte for byte against reference files: subject-data.json is the documented format
 * (docs/privacy-package.md) and must not drift; the page must keep escaping every text.
 */
class SubjectPackageDocumentsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant GENERATED = Instant.parse("2026-11-24T01:02:03.456789Z");

    @Test
    void aFullPackageMatchesTheReferenceDocuments() throws IOException {
        PrivacyRequest request = withId(new PrivacyRequest(PrivacyRequestType.ACCESS, Set.of(9L), null, null, null,
                "dpo", "dpo", T0), 51);
        Customer ann = withId(new Customer("EXT-9", "Ann <b>O'Neil</b>", "ann@example.com", "+49 30 555-123",
                "078-05-1121", Region.EU, T0), 9);
        Customer annAgain = withId(new Customer(null, "Ann & \"Co\"", "ANN@example.com", null, Region.UK,
                T0.plusSeconds(60)), 10);
        Customer erased = withId(new Customer(null, "Ann Old", null, "030 1234567", Region.EU, T0), 11);
        set(erased, "erasedAt", T0.plusSeconds(3600));

        Ticket billing = withId(new Ticket(new TicketDetails("Card <b>4111 1111 1111 1111</b> charged twice",
                "Call bob@example.org or me at ann@example.com\n\"quoted\" & 'single' </pre><script>x</script>",
                TicketPriority.HIGH, "BILLING", "ABC-123", "FRA-01", null), ann, Region.EU,
                T0.plusSeconds(120)), 120);
        Ticket plain = withId(new Ticket(new TicketDetails("Nothing personal", "Just a question.",
                TicketPriority.NORMAL, "GENERAL", null, null, null), annAgain, Region.UK, T0.plusSeconds(180)), 121);
        plain.revise(plain.details(), TicketStatus.RESOLVED, null, T0.plusSeconds(200));
        plain.anonymize(T0.plusSeconds(400));
        Comment answer = withId(new Comment(billing, "Refund sent to DE89 3704 0044 0532 0130 00 & <i>done</i>",
                CommentVisibility.PUBLIC, CommentChannel.AGENT, "agent.eu", T0.plusSeconds(240)), 300);
        Comment chat = withId(new Comment(billing, "password: hunter2 then +49 30 555-123",
                CommentVisibility.INTERNAL, CommentChannel.CHAT, "agent.eu", T0.plusSeconds(300)), 301);

        ConsentRecord given = new ConsentRecord(9, ConsentPurpose.QA_REVIEW, true, "signed <form>", "qa-1",
                "dpo", T0.plusSeconds(30));
        ConsentRecord withdrawn = new ConsentRecord(10, ConsentPurpose.CHAT_TRANSCRIPT_STORAGE, false, "phone call",
                "chat-2", "dpo", T0.plusSeconds(90));

        List<AuditEvent> accesses = List.of(
                event(1, "AGENT", "TICKET_SEARCH", "TICKET", "3,120,57", "basis=OWN_REGION,q=ann",
                        AuditOutcome.SUCCESS),
                event(2, "AGENT,SUPERVISOR", "TICKET_READ", "TICKET", "120", "basis=TRANSFER_RULE#4",
                        AuditOutcome.SUCCESS),
                event(3, "AUDITOR", "COMMENT_ADD", "COMMENT", "120/300", null, AuditOutcome.DENIED),
                event(4, "DPO", "CUSTOMER_ERASE", "CUSTOMER", "11", "reason=<request>", AuditOutcome.SUCCESS));

        // #24: a text file as packaged (redacted), and one whose key an erasure destroyed
        Attachment log = withId(new Attachment(120, 10, "router.log", "text/x-log", "text/x-log; charset=utf-8",
                Attachment.Source.UPLOAD, "agent.eu", T0), 400);
        log.stored(52, "a".repeat(64), "EMAIL=1", false);
        Attachment scan = withId(new Attachment(120, 11, "scan.pdf", "application/pdf", "application/pdf",
                Attachment.Source.MAIL, "<m1@example.org>", T0), 401);
        scan.stored(1000, "b".repeat(64), null, false);
        List<SubjectPackageAttachments.Packaged> files = List.of(
                new SubjectPackageAttachments.Packaged(log, "attachments/400-router.log", 50, "c".repeat(64), true,
                        null),
                new SubjectPackageAttachments.Packaged(scan, null, 0, null, false,
                        "the content was destroyed with the customer's attachment key (an erasure)"));
        SubjectPackageContent content = SubjectPackageContent.of(request, GENERATED,
                List.of(ann, annAgain, erased), Set.of(10L), List.of(billing, plain),
                Map.of(120L, List.of(answer, chat)), List.of(given, withdrawn), accesses, T0.minusSeconds(86_400),
                files);

        assertEquals(reference("subject-data-full.json"), content.json());
        assertEquals(reference("subject-data-full.html"), content.html());
        assertEquals(List.of(3, 2, 2, 4),
                List.of(content.records(), content.tickets(), content.comments(), content.accessEvents()));
    }

    @Test
    void anEmptyPackageMatchesTheReferenceDocuments() throws IOException {
        PrivacyRequest request = withId(new PrivacyRequest(PrivacyRequestType.PORTABILITY, Set.of(), "x@example.org",
                null, null, null, "dpo", T0), 52);

        SubjectPackageContent content = SubjectPackageContent.of(request, GENERATED, List.of(), Set.of(), List.of(),
                Map.of(), List.of(), List.of(), null, List.of());

        assertEquals(reference("subject-data-empty.json"), content.json());
        assertEquals(reference("subject-data-empty.html"), content.html());
    }

    private static AuditEvent event(long sequence, String roles, String action, String resourceType,
            String resourceId, String fields, AuditOutcome outcome) {
        AuditRecord record = new AuditRecord("someone", roles, action, resourceType, resourceId, fields, outcome,
                "req-" + sequence, "10.0.0.1");
        return AuditEvent.stored(sequence, T0.plusSeconds(1000 + sequence), record, "0".repeat(64), "h", "l");
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = SubjectPackageDocumentsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T> T withId(T entity, long id) {
        set(entity, "id", id);
        return entity;
    }

    private static void set(Object entity, String name, Object value) {
        try {
            Field field = entity.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(entity, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
