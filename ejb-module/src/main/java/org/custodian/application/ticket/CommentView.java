package org.custodian.application.ticket;

import java.util.List;
import java.util.Map;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Shown;
import org.custodian.domain.model.ticket.Comment;

/** A comment as one caller may see it, shaped by the decision on its ticket. */
public record CommentView(long id, Map<String, Object> body) {

    public static final String ENTITY = "comment";

    static Shown show(Decision decision, Comment comment) {
        return decision.show(ENTITY)
                .structural("id", comment.getId())
                .structural("ticketId", comment.getTicket().getId())
                .text("body", comment.getBody(), comment.getBodyMasked())
                .note(TicketView.REDACTED, comment.getTicket().isAnonymized() ? List.of() : comment.getRedactedTypes(),
                        "body")
                .field("visibility", comment.getVisibility().name())
                .field("channel", comment.getChannel().name())
                .field("author", comment.getAuthor())
                .field("createdAt", comment.getCreatedAt());
    }
}
