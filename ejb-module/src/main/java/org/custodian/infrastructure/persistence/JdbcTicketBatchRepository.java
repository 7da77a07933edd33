package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketBatchRepository;

/**
 * Batched JDBC inserts into {@code ticket} on the transaction's connection (the container hands out the one
 * enlisted, so the rows commit with the chunk), with the columns and the initial version (1) the entity mapping
 * writes (not {@code sla_due_at}, which the SLA clocks keep); ids from {@code ticket_seq} in the provider's blocks
 * ({@link SequenceBlocks}).
 */
@ApplicationScoped
public class JdbcTicketBatchRepository implements TicketBatchRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> newIds(int count) {
        try (Connection connection = dataSource.getConnection()) {
            return SequenceBlocks.take(connection, "ticket_seq", count);
        } catch (SQLException e) {
            throw new PersistenceException("reserving " + count + " ticket ids failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void insertAll(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into ticket (id, subject, description,"
                        + " subject_masked, description_masked, status, priority, category, product_sku, site_code,"
                        + " region, assignee, assigned_team_id, customer_id, created_at, updated_at, resolved_at,"
                        + " anonymized_at, redacted_types, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (Ticket ticket : tickets) {
                insert.setLong(1, ticket.getId());
                insert.setString(2, ticket.getSubject());
                insert.setString(3, ticket.getDescription());
                insert.setString(4, ticket.getSubjectMasked());
                insert.setString(5, ticket.getDescriptionMasked());
                insert.setString(6, ticket.getStatus().name());
                insert.setString(7, ticket.getPriority().name());
                insert.setString(8, ticket.getCategory());
                insert.setString(9, ticket.getProductSku());
                insert.setString(10, ticket.getSiteCode());
                insert.setString(11, ticket.getRegion().name());
                insert.setString(12, ticket.getAssignee());
                if (ticket.getTeam() == null) {
                    insert.setNull(13, Types.BIGINT);
                } else {
                    insert.setLong(13, ticket.getTeam().getId());
                }
                insert.setLong(14, ticket.getCustomerId());
                SequenceBlocks.setInstant(insert, 15, ticket.getCreatedAt());
                SequenceBlocks.setInstant(insert, 16, ticket.getUpdatedAt());
                SequenceBlocks.setInstant(insert, 17, ticket.getResolvedAt());
                SequenceBlocks.setInstant(insert, 18, ticket.getAnonymizedAt());
                insert.setString(19, SequenceBlocks.redactedTypes(ticket.getRedactedTypes()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("storing " + tickets.size() + " tickets failed: " + e.getMessage(), e);
        }
    }
}
