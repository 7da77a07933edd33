package org.custodian.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.custodian.application.attachment.AttachmentService;
import org.custodian.domain.model.mail.MailMessage;

/**
 * #24: the original message (message/rfc822) and the mail's files become attachments of its ticket, encrypted
 * under the customer's key; a file refused by the limits or types is left out and audited, the mail goes on. For a
 * mail taken at once and for a held mail an agent accepted later alike. Joins the caller's transaction.
 */
@Stateless
public class MailFiles {

    @EJB
    private AttachmentService attachments;

    /** Attaches the mail's original and files to the ticket the row was made into (nothing without one). */
    public void keep(MailMessage row, InboundMail in) {
        if (row.getTicketId() == null || in.raw() == null) {
            return;
        }
        String base = "message-" + in.rawSha256().substring(0, 12);
        attachments.fromMail(row.getTicketId(), base + ".eml", "message/rfc822", in.raw(), in.messageId());
        for (InboundMail.MailFile file : in.files()) {
            attachments.fromMail(row.getTicketId(), file.filename(), file.contentType(), file.content(),
                    in.messageId());
        }
    }
}
