package org.custodian.application.attachment;

import jakarta.ejb.Local;
import java.util.List;
import org.custodian.application.shared.Caller;

/** Attachments of tickets (#24): uploaded, listed, downloaded, each under the policy and in the audit trail. */
@Local
public interface AttachmentService {

    /**
     * Stores a file on a ticket the caller may change, encrypted under the ticket customer's data key. 413 over the
     * per-file or per-ticket limit, 415 for a type not allowed or bytes that are not of the declared type.
     */
    AttachmentView upload(Caller caller, long ticketId, NewAttachment upload);

    /** The ticket's attachments, for a caller who may read the ticket. */
    List<AttachmentView> list(Caller caller, long ticketId);

    /**
     * One attachment's content, for a caller who sees the classification {@code attachment.content} in full (or
     * revealed it on this ticket); 410 once the customer's key was destroyed by an erasure.
     */
    AttachmentContent download(Caller caller, long ticketId, long attachmentId);

    /**
     * Keeps a file that came in by mail on its ticket (the original message, the mail's attachments), as the
     * system; the limits and the type check apply as to an upload, a refusal returns null and is audited.
     */
    AttachmentView fromMail(long ticketId, String filename, String declaredType, byte[] content, String messageId);
}
