package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentBatchRepository;

/**
 * Batched JDBC inserts into {@code ticket_comment} on the transaction's connection (the container hands out the one
 * enlisted, so the rows commit with the chunk). Ids come from {@code comment_seq} in blocks of 50, the block the
 * entity mapping reserves with one {@code nextval} (increment 50: the value and the 49 before it), so ids handed out
 * here and by the persistence provider never meet.
 */
@ApplicationScoped
public class JdbcCommentBatchRepository implements CommentBatchRepository {

    /** The sequence's increment and the entity's allocationSize. */
    static final int BLOCK = 50;

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> insertAll(List<Comment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = ids(connection, comments.size());
            try (PreparedStatement insert = connection.prepareStatement("insert into ticket_comment (id, ticket_id,"
                    + " body, body_masked, visibility, author, channel, created_at, redacted_types)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < comments.size(); i++) {
                    Comment comment = comments.get(i);
                    List<String> redacted = comment.getRedactedTypes();
                    insert.setLong(1, ids.get(i));
                    insert.setLong(2, comment.getTicket().getId());
                    insert.setString(3, comment.getBody());
                    insert.setString(4, comment.getBodyMasked());
                    insert.setString(5, comment.getVisibility().name());
                    insert.setString(6, comment.getAuthor());
                    insert.setString(7, comment.getChannel().name());
                    insert.setObject(8, OffsetDateTime.ofInstant(comment.getCreatedAt(), ZoneOffset.UTC));
                    insert.setString(9, redacted.isEmpty() ? null : String.join(",", redacted));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("storing " + comments.size() + " comments failed: " + e.getMessage(), e);
        }
    }

    private static List<Long> ids(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement next = connection.prepareStatement("select nextval('comment_seq')"
                + " from generate_series(1, ?)")) {
            next.setInt(1, (count + BLOCK - 1) / BLOCK);
            try (ResultSet blocks = next.executeQuery()) {
                while (blocks.next() && ids.size() < count) {
                    long last = blocks.getLong(1);
                    for (long id = last - BLOCK + 1; id <= last && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.size() != count) {
            throw new SQLException("comment_seq handed out " + ids.size() + " of " + count + " ids");
        }
        return ids;
    }
}
