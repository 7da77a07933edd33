package org.custodian.application.ticket;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Shown;
import org.custodian.domain.model.ticket.Ticket;

/**
 * A ticket as one caller may see it: {@code body} holds only the fields their decision shows (masked ones in
 * masked form); id and version are always there, the latter for If-Match.
 */
public record TicketView(long id, long version, Map<String, Object> body) implements java.io.Serializable {

    public static final String ENTITY = "ticket";

    /** The note listing the kinds of data removed from the texts when written: ["CREDIT_CARD"], absent if none. */
    public static final String REDACTED = "redacted";

    static Shown show(Decision decision, Ticket ticket) {
        return decision.show(ENTITY)
                .structural("id", ticket.getId())
                .text("subject", ticket.getSubject(), ticket.getSubjectMasked())
                .text("description", ticket.getDescription(), ticket.getDescriptionMasked())
                // #20: what was removed when the text was written (an anonymized ticket has no text left to explain)
                .note(REDACTED, ticket.isAnonymized() ? List.of() : ticket.getRedactedTypes(), "subject", "description")
                .field("status", ticket.getStatus().name())
                .field("priority", ticket.getPriority().name())
                .field("category", ticket.getCategory())
                .field("productSku", ticket.getProductSku())
                .field("siteCode", ticket.getSiteCode())
                .field("region", ticket.getRegion().name())
                .field("assignee", ticket.getAssignee())
                // #23: the team it is routed to, by key and name (null: none)
                .field("team", team(ticket))
                .field("customerId", ticket.getCustomerId())
                .field("createdAt", ticket.getCreatedAt())
                .field("updatedAt", ticket.getUpdatedAt())
                .field("resolvedAt", ticket.getResolvedAt())
                .structural("version", ticket.getVersion());
    }

    private static Map<String, String> team(Ticket ticket) {
        return ticket.getTeam() == null ? null
                : new TreeMap<>(Map.of("key", ticket.getTeam().getKey(), "name", ticket.getTeam().getName()));
    }

    static TicketView of(Shown shown, Ticket ticket) {
        return new TicketView(ticket.getId(), ticket.getVersion(), shown.body());
    }
}
