package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentBatchRepository;

/**
 * Batched JDBC inserts into {@code ticket_comment} ({@link BatchInserts}); ids from {@code comment_seq} in the
 * provider's blocks, so ids handed out here and by the persistence provider never meet.
 */
@ApplicationScoped
public class JdbcCommentBatchRepository implements CommentBatchRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> insertAll(List<Comment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        List<Long> ids = BatchInserts.ids(dataSource, "comment_seq", comments.size(), "comment");
        Iterator<Long> next = ids.iterator();
        BatchInserts.insert(dataSource, "insert into ticket_comment (id, ticket_id, body, body_masked, visibility,"
                + " author, channel, created_at, redacted_types) values ", 9, comments,
                (insert, at, comment) -> {
                    insert.setLong(at, next.next());
                    insert.setLong(at + 1, comment.getTicket().getId());
                    insert.setString(at + 2, comment.getBody());
                    insert.setString(at + 3, comment.getBodyMasked());
                    insert.setString(at + 4, comment.getVisibility().name());
                    insert.setString(at + 5, comment.getAuthor());
                    insert.setString(at + 6, comment.getChannel().name());
                    BatchInserts.setInstant(insert, at + 7, comment.getCreatedAt());
                    insert.setString(at + 8, BatchInserts.redactedTypes(comment.getRedactedTypes()));
                }, "comments");
        return ids;
    }
}
