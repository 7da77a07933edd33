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
                + " version) values ", 20, tickets,
                (insert, at, ticket) -> {
                    insert.setLong(at, ticket.getId());
                    insert.setString(at + 1, ticket.getSubject());
                    insert.setString(at + 2, ticket.getDescription());
                    insert.setString(at + 3, ticket.getSubjectMasked());
                    insert.setString(at + 4, ticket.getDescriptionMasked());
                    insert.setString(at + 5, ticket.getStatus().name());
                    insert.setString(at + 6, ticket.getPriority().name());
                    insert.setString(at + 7, ticket.getCategory());
                    insert.setString(at + 8, ticket.getProductSku());
                    insert.setString(at + 9, ticket.getSiteCode());
                    insert.setString(at + 10, ticket.getRegion().name());
                    insert.setString(at + 11, ticket.getAssignee());
                    BatchInserts.setLong(insert, at + 12, ticket.getTeam() == null ? null : ticket.getTeam().getId());
                    insert.setLong(at + 13, ticket.getCustomerId());
                    BatchInserts.setInstant(insert, at + 14, ticket.getCreatedAt());
                    BatchInserts.setInstant(insert, at + 15, ticket.getUpdatedAt());
                    BatchInserts.setInstant(insert, at + 16, ticket.getResolvedAt());
                    BatchInserts.setInstant(insert, at + 17, ticket.getAnonymizedAt());
                    insert.setString(at + 18, BatchInserts.redactedTypes(ticket.getRedactedTypes()));
                    insert.setInt(at + 19, 1); // the initial version
                }, "tickets");
    }
}
