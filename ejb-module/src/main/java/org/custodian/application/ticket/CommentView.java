package org.custodian.application.ticket;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.ticket.Comment;

public record CommentView(Long id, Long ticketId, String body, String visibility, String author, Instant createdAt) {

    public static final List<String> FIELDS = List.of("body", "visibility", "author", "createdAt");

    public static CommentView of(Comment comment) {
        return new CommentView(comment.getId(), comment.getTicket().getId(), comment.getBody(),
                comment.getVisibility().name(), comment.getAuthor(), comment.getCreatedAt());
    }
}
