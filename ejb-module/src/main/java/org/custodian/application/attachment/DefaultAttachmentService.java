package org.custodian.application.attachment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ContentTooLargeException;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.UnsupportedContentException;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentKeys;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.domain.model.attachment.AttachmentVault;
import org.custodian.domain.model.attachment.ContentSniffer;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.RuleCheck;

/**
 * Uploads and downloads of attachments. The policy decides on the ticket, the classification
 * {@code attachment.content} on the content; every upload and download is audited in the transaction that decides
 * it (a download's bytes stream after it committed, from the chunks, through the decryption).
 */
@Stateless
public class DefaultAttachmentService implements AttachmentService {

    static final String ENTITY = "attachment";
    static final String CONTENT = "content";
    static final String UPLOAD = "ATTACHMENT_UPLOAD";
    static final String DOWNLOAD = AuditActions.ATTACHMENT_DOWNLOAD;
    static final String LIST = "ATTACHMENT_LIST";
    private static final String MAIL_ACTOR = "mail-intake";

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private TicketRepository tickets;

    @Inject
    private AttachmentRepository attachments;

    @Inject
    private AttachmentKeys keys;

    @Inject
    private AttachmentVault vault;

    @Inject
    private AttachmentLimits limits;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AttachmentView upload(Caller caller, long ticketId, NewAttachment upload) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = ticket(caller, ticketId, Permission.TICKET_WRITE);
        Decision decision = policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.of(ticket));
        Attachment stored = store(caller, ticket, upload, -1, Attachment.Source.UPLOAD, caller.username(), null);
        return AttachmentView.of(stored, mayDownload(decision), false);
    }

    @Override
    public AttachmentView fromMail(long ticketId, String filename, String declaredType, byte[] content,
            String messageId) {
        Caller system = Caller.system(MAIL_ACTOR, null);
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new ResourceNotFoundException("ticket", ticketId));
        String resource = String.valueOf(ticketId);
        // checked before anything is written, so a refusal leaves the mail's own transaction intact
        long used = attachments.bytesOnTicket(ticketId);
        if (content.length > limits.maxFileBytes() || used + content.length > limits.maxTicketBytes()
                || ticket.getCustomer().getErasedAt() != null) {
            audit.record(system, UPLOAD, AuditActions.TICKET, resource, List.of("source=MAIL", "message=" + messageId,
                    "refused=" + (ticket.getCustomer().getErasedAt() != null ? "erased" : "size"),
                    "size=" + content.length), AuditOutcome.FAILURE);
            return null;
        }
        String declared = ContentSniffer.baseType(declaredType);
        String sniffed = ContentSniffer.sniff(content, content.length);
        if (!ContentSniffer.matches(declared, sniffed) || !limits.allows(declared, sniffed)) {
            audit.record(system, UPLOAD, AuditActions.TICKET, resource, List.of("source=MAIL", "message=" + messageId,
                    "declared=" + declared, "sniffed=" + sniffed), AuditOutcome.FAILURE);
            return null;
        }
        Attachment stored = store(system, ticket, new NewAttachment(filename, declaredType,
                new java.io.ByteArrayInputStream(content)), content.length, Attachment.Source.MAIL, messageId, used);
        return AttachmentView.of(stored, false, false);
    }

    /**
     * @param knownSize the content's length if known (a mail's file), else -1
     * @param usedBytes what the ticket's files hold, if the caller just asked (in this transaction), else null
     */
    private Attachment store(Caller caller, Ticket ticket, NewAttachment upload, long knownSize,
            Attachment.Source source, String sourceRef, Long usedBytes) {
        String filename = filename(upload.filename());
        String declared = ContentSniffer.baseType(upload.declaredType());
        long customerId = ticket.getCustomer().getId();
        if (ticket.getCustomer().getErasedAt() != null) {
            new RuleCheck().require(false, "file", "the ticket's customer was erased (GDPR Art. 17): nothing can be"
                    + " attached for them any more").throwIfAny();
        }
        BufferedInputStream in = new BufferedInputStream(upload.content(), ContentSniffer.HEAD_BYTES);
        String sniffed = sniff(in);
        refuseType(caller, ticket, declared, sniffed);
        long used = usedBytes != null ? usedBytes : attachments.bytesOnTicket(ticket.getId());
        if (used >= limits.maxTicketBytes()) {
            throw tooLarge(caller, ticket, "the ticket's attachments already hold " + used + " bytes, its limit is "
                    + limits.maxTicketBytes() + " bytes");
        }
        char[] passphrase = keys.passphraseForWriting(customerId).orElseThrow(() -> new GoneException(
                "the customer's attachment key was destroyed by an erasure: nothing can be attached for them"));
        Attachment attachment = new Attachment(ticket.getId(), customerId, filename, declared,
                ContentSniffer.served(declared, sniffed), source, sourceRef, clock.instant());
        attachments.store(attachment);
        ContentMeter meter = new ContentMeter(ContentSniffer.isTextType(sniffed));
        long fileLimit = Math.min(limits.maxFileBytes(), limits.maxTicketBytes() - used);
        // an upload of unknown length is encrypted on another thread while this one reads and inserts; a mail's file
        // of a chunk or less has nothing to overlap
        try (OutputStream out = knownSize >= 0 && knownSize <= AttachmentRepository.CHUNK_BYTES
                ? vault.writer(attachment, passphrase)
                : vault.streamingWriter(attachment, passphrase)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                meter.update(buffer, n);
                if (meter.size() > fileLimit) {
                    throw tooLarge(caller, ticket, fileLimit == limits.maxFileBytes()
                            ? "the file is over the limit of " + limits.maxFileBytes() + " bytes per file"
                            : "the ticket's attachments would be over its limit of " + limits.maxTicketBytes()
                                    + " bytes (" + used + " used)");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client's stream failed (a broken connection, a malformed multipart body): nothing is kept
            throw new org.custodian.domain.shared.DomainRuleViolationException("file", "the upload broke off: "
                    + e.getMessage());
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
        ContentMeter.Findings findings = meter.findings();
        attachment.stored(meter.size(), meter.sha256(), findings.summary(), findings.flagged());
        List<String> fields = new ArrayList<>(List.of("attachment=" + attachment.getId(), "size=" + meter.size(),
                "type=" + attachment.getContentType(), "sha256=" + meter.sha256(), "source=" + source));
        if (findings.summary() != null) {
            fields.add("pii=" + findings.summary());
        }
        audit.record(caller, UPLOAD, AuditActions.TICKET, String.valueOf(ticket.getId()), fields,
                AuditOutcome.SUCCESS);
        return attachment;
    }

    @Override
    public List<AttachmentView> list(Caller caller, long ticketId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = ticket(caller, ticketId, Permission.TICKET_READ);
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        boolean may = mayDownload(decision);
        // per customer, not per ticket: a merge may have moved a ticket with older files to another customer
        java.util.Map<Long, Boolean> erased = new java.util.HashMap<>();
        List<AttachmentView> views = attachments.forTicket(ticketId).stream()
                .map(attachment -> AttachmentView.of(attachment, may, erased.computeIfAbsent(
                        attachment.getCustomerId(), customer -> keys.passphrase(customer).isEmpty()))).toList();
        if (!views.isEmpty()) {
            audit.record(caller, LIST, AuditActions.TICKET, String.valueOf(ticketId),
                    List.of("count=" + views.size(), decision.basisEntry()), AuditOutcome.SUCCESS);
        }
        return views;
    }

    @Override
    public AttachmentContent download(Caller caller, long ticketId, long attachmentId) {
        AccessContext context = policy.contextFor(caller);
        Ticket ticket = ticket(caller, ticketId, Permission.TICKET_READ);
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        Attachment attachment = attachments.find(attachmentId).filter(found -> found.getTicketId() == ticketId)
                .orElseThrow(() -> new ResourceNotFoundException("attachment", attachmentId));
        String resource = String.valueOf(ticketId);
        Visibility shown = decision.shownOf(ENTITY, CONTENT);
        if (shown != Visibility.FULL) {
            audit.record(caller, DOWNLOAD, AuditActions.TICKET, resource, List.of("attachment=" + attachmentId),
                    AuditOutcome.DENIED);
            throw new AccessDeniedException(decision.visibilityOf(ENTITY, CONTENT) == Visibility.REVEALABLE
                    ? "you see this customer's attachments masked: reveal the attachment content on this ticket"
                            + " (with a reason) to download it"
                    : "your role (" + caller.rolesText() + ") may not download attachments of this ticket");
        }
        Optional<char[]> passphrase = keys.passphrase(attachment.getCustomerId());
        if (passphrase.isEmpty()) {
            audit.record(caller, DOWNLOAD, AuditActions.TICKET, resource, List.of("attachment=" + attachmentId,
                    "key=destroyed"), AuditOutcome.FAILURE);
            throw new GoneException("attachment " + attachmentId + " can no longer be opened: its customer was erased"
                    + " and their attachment key destroyed");
        }
        boolean revealed = decision.revealed().contains(ENTITY + "." + CONTENT);
        // written as ReadAudit writes a read (basis, region, class, field), so access reports count it as a read of
        // the ticket's customer's data (#24)
        audit.record(caller, DOWNLOAD, AuditActions.TICKET, resource, List.of("attachment=" + attachmentId,
                "sha256=" + attachment.getContentSha256(), decision.basisEntry(), "region=" + ticket.getRegion(),
                "class=" + decision.policy().field(ENTITY, CONTENT).classification(), ENTITY + "." + CONTENT,
                "revealed=" + revealed), AuditOutcome.SUCCESS);
        char[] key = passphrase.get();
        AttachmentView view = AttachmentView.of(attachment, true, false);
        return new AttachmentContent(view, out -> {
            ContentMeter meter = new ContentMeter(false);
            try (InputStream in = vault.streamingReader(attachment, key)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    meter.update(buffer, n);
                    out.write(buffer, 0, n);
                }
            } finally {
                java.util.Arrays.fill(key, '\0');
            }
            if (!meter.sha256().equals(attachment.getContentSha256())) {
                throw new IOException("attachment " + attachmentId + " does not match its recorded SHA-256");
            }
        });
    }

    private boolean mayDownload(Decision decision) {
        return decision.shownOf(ENTITY, CONTENT) == Visibility.FULL;
    }

    private Ticket ticket(Caller caller, long ticketId, Permission permission) {
        policy.enforce(caller, permission, AuditActions.TICKET, String.valueOf(ticketId));
        return tickets.find(ticketId).orElseThrow(() -> {
            audit.record(caller, permission.name(), AuditActions.TICKET, String.valueOf(ticketId), null,
                    AuditOutcome.FAILURE);
            return new ResourceNotFoundException("ticket", ticketId);
        });
    }

    private static String filename(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        new RuleCheck().require(!name.isEmpty(), "file", "the file has no name")
                .require(name.length() <= Attachment.MAX_FILENAME, "file", "the file name is longer than "
                        + Attachment.MAX_FILENAME + " characters").throwIfAny();
        return name;
    }

    private static String sniff(BufferedInputStream in) {
        try {
            in.mark(ContentSniffer.HEAD_BYTES + 1);
            byte[] head = in.readNBytes(ContentSniffer.HEAD_BYTES);
            boolean more = in.read() >= 0;
            in.reset();
            return ContentSniffer.sniff(head, more ? head.length + 1 : head.length);
        } catch (IOException e) {
            // the client's stream failed (a broken connection, a malformed multipart body): nothing is kept
            throw new org.custodian.domain.shared.DomainRuleViolationException("file", "the upload broke off: "
                    + e.getMessage());
        }
    }

    private void refuseType(Caller caller, Ticket ticket, String declared, String sniffed) {
        String refusal = null;
        if (!ContentSniffer.matches(declared, sniffed)) {
            refusal = "the file was sent as " + declared + " but its content is " + sniffed
                    + " (checked by its first bytes); send it with its real type";
        } else if (!limits.allows(declared, sniffed)) {
            refusal = "files of type " + (declared.equals(ContentSniffer.BINARY) ? sniffed : declared)
                    + " are not accepted here; accepted: " + String.join(", ", limits.allowedTypes());
        }
        if (refusal != null) {
            audit.recordNow(caller, UPLOAD, AuditActions.TICKET, String.valueOf(ticket.getId()),
                    List.of("declared=" + declared, "sniffed=" + sniffed), AuditOutcome.FAILURE);
            throw new UnsupportedContentException(refusal);
        }
    }

    private ContentTooLargeException tooLarge(Caller caller, Ticket ticket, String why) {
        // rolled back with the upload: the refusal's event goes in a transaction of its own
        audit.recordNow(caller, UPLOAD, AuditActions.TICKET, String.valueOf(ticket.getId()), List.of("refused=size"),
                AuditOutcome.FAILURE);
        return new ContentTooLargeException(why);
    }
}
