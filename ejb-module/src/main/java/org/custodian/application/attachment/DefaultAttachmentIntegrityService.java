package org.custodian.application.attachment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.domain.model.attachment.StoredContentCheck;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * Runs outside a container transaction: the check streams every chunk in a read-only snapshot of its own (it may
 * take long); the audit events commit on their own afterwards.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAttachmentIntegrityService implements AttachmentIntegrityService {

    @EJB
    private AuditService audit;

    @Inject
    private AttachmentRepository attachments;

    @Override
    public Result verify(Caller job) {
        StoredContentCheck check = attachments.checkStored();
        List<String> problems = new ArrayList<>();
        List<AuditService.Entry> entries = new ArrayList<>();
        for (StoredContentCheck.Finding finding : check.findings()) {
            problems.add(finding.toString());
            // under the ticket, so the ticket's access history and the subject's package show it too
            entries.add(new AuditService.Entry(AuditActions.ATTACHMENT_INTEGRITY_CHECK, AuditActions.TICKET,
                    String.valueOf(finding.ticketId()), List.of("attachment=" + finding.attachmentId(),
                            "problem=" + finding.problem().replace(',', ';')), AuditOutcome.FAILURE));
        }
        entries.add(new AuditService.Entry(AuditActions.ATTACHMENT_INTEGRITY_CHECK, "ATTACHMENT", null,
                List.of("attachments=" + check.attachments(), "chunks=" + check.chunks(), "bytes=" + check.bytes(),
                        "broken=" + check.broken()), check.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE));
        audit.recordAll(job, entries);
        return new Result(check.attachments(), check.chunks(), check.bytes(), check.broken(), problems);
    }
}
