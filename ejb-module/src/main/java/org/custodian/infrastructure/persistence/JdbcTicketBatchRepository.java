package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketBatchRepository;

/**
 * Batched JDBC inserts into {@code ticket} ({@link BatchInserts}) with the columns and the initial version (1) the
 * entity mapping writes (not {@code sla_due_at}, which the SLA clocks keep); ids from {@code ticket_seq} in the
 * provider's blocks.
 */
@ApplicationScoped
public class JdbcTicketBatchRepository implements TicketBatchRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> newIds(int count) {
        return BatchInserts.ids(dataSource, "ticket_seq", count, "ticket");
    }

    @Override
    public void insertAll(List<Ticket> tickets) {
        BatchInserts.insert(dataSource, "insert into ticket (id, subject, description, subject_masked,"
                + " description_masked, status, priority, category, product_sku, site_code, region, assignee,"
                + " assigned_team_id, customer_id, created_at, updated_at, resolved_at, anonymized_at, redacted_types,"
                + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", tickets,
                (insert, ticket) -> {
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
                    BatchInserts.setLong(insert, 13, ticket.getTeam() == null ? null : ticket.getTeam().getId());
                    insert.setLong(14, ticket.getCustomerId());
                    BatchInserts.setInstant(insert, 15, ticket.getCreatedAt());
                    BatchInserts.setInstant(insert, 16, ticket.getUpdatedAt());
                    BatchInserts.setInstant(insert, 17, ticket.getResolvedAt());
                    BatchInserts.setInstant(insert, 18, ticket.getAnonymizedAt());
                    insert.setString(19, BatchInserts.redactedTypes(ticket.getRedactedTypes()));
                }, "tickets");
    }
}
