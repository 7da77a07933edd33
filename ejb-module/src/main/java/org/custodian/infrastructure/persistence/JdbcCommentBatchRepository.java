package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentBatchRepository;

/**
 * Batched JDBC inserts into {@code ticket_comment} on the transaction's connection (the container hands out the one
 * enlisted, so the rows commit with the chunk). Ids come from {@code comment_seq} in the provider's blocks
 * ({@link SequenceBlocks}), so ids handed out here and by the persistence provider never meet.
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
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = SequenceBlocks.take(connection, "comment_seq", comments.size());
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_comment (id, ticket_id,"
                    + " body, body_masked, visibility, author, channel, created_at, redacted_types)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < comments.size(); i++) {
                    Comment comment = comments.get(i);
                    insert.setLong(1, ids.get(i));
                    insert.setLong(2, comment.getTicket().getId());
                    insert.setString(3, comment.getBody());
                    insert.setString(4, comment.getBodyMasked());
                    insert.setString(5, comment.getVisibility().name());
                    insert.setString(6, comment.getAuthor());
                    insert.setString(7, comment.getChannel().name());
                    SequenceBlocks.setInstant(insert, 8, comment.getCreatedAt());
                    insert.setString(9, SequenceBlocks.redactedTypes(comment.getRedactedTypes()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("storing " + comments.size() + " comments failed: " + e.getMessage(), e);
        }
    }
}
