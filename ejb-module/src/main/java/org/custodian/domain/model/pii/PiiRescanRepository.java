package org.custodian.domain.model.pii;

import java.util.Collection;
import java.util.List;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.ticket.Ticket;

/**
 * The stored text a rescan with the current detector reads: each kind in id order, a page at a time, so that a
 * restarted scan goes on after the last id it committed. Anonymized tickets and the comments of erased customers
 * hold no personal data any more and are not read.
 */
public interface PiiRescanRepository {

    /** Ids of tickets not anonymized, after this one. */
    List<Long> ticketsAfter(long afterId, int limit);

    /** Ids of comments on tickets not anonymized, after this one. */
    List<Long> commentsAfter(long afterId, int limit);

    /** Ids of attachments scanned as text when stored (the others have no text to scan), after this one. */
    List<Long> textAttachmentsAfter(long afterId, int limit);

    List<Ticket> tickets(Collection<Long> ids);

    List<Attachment> attachments(Collection<Long> ids);
}
