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
                + " author, channel, created_at, redacted_types) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", comments,
                (insert, comment) -> {
                    insert.setLong(1, next.next());
                    insert.setLong(2, comment.getTicket().getId());
                    insert.setString(3, comment.getBody());
                    insert.setString(4, comment.getBodyMasked());
                    insert.setString(5, comment.getVisibility().name());
                    insert.setString(6, comment.getAuthor());
                    insert.setString(7, comment.getChannel().name());
                    BatchInserts.setInstant(insert, 8, comment.getCreatedAt());
                    insert.setString(9, BatchInserts.redactedTypes(comment.getRedactedTypes()));
                }, "comments");
        return ids;
    }
}
