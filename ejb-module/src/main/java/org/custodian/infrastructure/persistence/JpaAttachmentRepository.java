package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.domain.model.attachment.StoredContentCheck;
import org.custodian.infrastructure.attachment.AttachmentChunkCheck;
import org.postgresql.PGStatement;

@ApplicationScoped
public class JpaAttachmentRepository implements AttachmentRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public void store(Attachment attachment) {
        entityManager.persist(attachment);
        entityManager.flush();
    }

    @Override
    public Optional<Attachment> find(long id) {
        return Optional.ofNullable(entityManager.find(Attachment.class, id));
    }

    @Override
    public List<Attachment> forTicket(long ticketId) {
        return entityManager.createNamedQuery("Attachment.findByTicket", Attachment.class)
                .setParameter("ticketId", ticketId).getResultList();
    }

    @Override
    public long countUnderKeysOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery("SELECT COUNT(a) FROM Attachment a WHERE a.customerId IN :ids", Long.class)
                .setParameter("ids", List.copyOf(customerIds)).getSingleResult();
    }

    @Override
    public long bytesOnTicket(long ticketId) {
        return ((Number) entityManager.createNamedQuery("Attachment.bytesOnTicket").setParameter("ticketId", ticketId)
                .getSingleResult()).longValue();
    }

    /**
     * On the transaction's connection through JDBC: the chunk streams from the caller's buffer (EclipseLink's native
     * query and the driver's setBytes each copied it).
     */
    @Override
    public void writeChunk(long attachmentId, int seq, byte[] data, int length) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into attachment_chunk (attachment_id,"
                        + " seq, data) values (?, ?, ?)")) {
            insert.setLong(1, attachmentId);
            insert.setInt(2, seq);
            insert.setBinaryStream(3, new ByteArrayInputStream(data, 0, length), length);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("storing an attachment chunk failed: " + e.getMessage(), e);
        }
    }

    /** In binary from the first execution: as text, PostgreSQL sends bytea as hex, twice the size, to be decoded. */
    @Override
    public byte[] readChunk(long attachmentId, int seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select data from attachment_chunk where"
                        + " attachment_id = ? and seq = ?")) {
            if (select.isWrapperFor(PGStatement.class)) {
                select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            select.setLong(1, attachmentId);
            select.setInt(2, seq);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading an attachment chunk failed: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredContentCheck checkStored() {
        try (Connection connection = dataSource.getConnection()) {
            // one consistent snapshot, fetched in pages (the driver pages only inside a transaction); the pooled
            // connection goes back as it was lent: left in REPEATABLE READ, it would hide rows that a later
            // borrower's own REQUIRES_NEW transaction committed (a sign-in then failed to find its throttle row)
            int isolation = connection.getTransactionIsolation();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return AttachmentChunkCheck.check(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PersistenceException("checking the stored attachments failed: "
                    + e.getMessage(), e);
        }
    }
}
