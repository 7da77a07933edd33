package org.custodian.application.imports;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.TicketPriority;

/**
 * One checked row of an upload: the values of the mapped fields, typed, or the problems that reject it. A row makes
 * (or finds) a customer and a ticket, and a comment when it carries one.
 */
public record ImportRow(int row, int line, String customerExternalId, String name, String email, String phone,
        Region region, String ticketExternalId, String subject, String description, TicketPriority priority,
        String category, Instant ticketCreatedAt, String commentExternalId, String commentBody,
        CommentVisibility visibility, Instant commentCreatedAt, List<ImportProblem> problems)
        implements Serializable {

    public boolean rejected() {
        return !problems.isEmpty();
    }

    /** Whether the row's thread becomes the ticket's description (no description column) rather than a comment. */
    public boolean bodyIsDescription() {
        return description == null && commentBody != null;
    }

    public static ImportRow rejected(int row, int line, String field, String problem) {
        return new ImportRow(row, line, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(new ImportProblem(row, line, field, problem)));
    }
}
