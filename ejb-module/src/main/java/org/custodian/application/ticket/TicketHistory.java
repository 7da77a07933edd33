package org.custodian.application.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.policy.Decision;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.policy.Visibility;

/**
 * Turns the trail's change events of one ticket into history entries as one reader may see them: a field the
 * reader does not see is left out, a masked one is named without values, keyed hashes (personal fields) are never
 * shown. Ids of linked tickets and comments are structural and always shown.
 */
final class TicketHistory {

    static final List<String> ACTIONS = List.of(AuditActions.TICKET_CREATE, AuditActions.TICKET_UPDATE,
            AuditActions.COMMENT_CREATE, AuditActions.TICKET_REOPEN, AuditActions.TICKET_FOLLOW_UP,
            AuditActions.TICKET_LINK, AuditActions.TICKET_UNLINK, AuditActions.TICKET_MERGE);

    /** Entries that are about tickets and comments, not fields (ids only). */
    private static final Set<String> STRUCTURAL = Set.of("followUp", "followUpOf", "RELATED", "duplicate",
            "survivor", "reason");

    private final Decision decision;
    private final Set<String> revealed = new LinkedHashSet<>();

    TicketHistory(Decision decision) {
        this.decision = decision;
    }

    HistoryEntry entry(AuditEvent event) {
        List<HistoryEntry.Change> changes = new ArrayList<>();
        String fields = event.getFields();
        if (fields != null && !AuditActions.TICKET_CREATE.equals(event.getAction())) {
            for (String token : fields.split(",")) {
                HistoryEntry.Change change = change(event.getAction(), token.trim());
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return new HistoryEntry(event.getSequence(), event.getOccurredAt(), event.getActor(), event.getAction(),
                changes);
    }

    private HistoryEntry.Change change(String action, String token) {
        int equals = token.indexOf('=');
        String field = equals < 0 ? token : token.substring(0, equals);
        String value = equals < 0 ? null : token.substring(equals + 1);
        if (AuditActions.COMMENT_CREATE.equals(action)) {
            // a comment's entries name its fields; only the channel is worth showing, if the reader sees it
            if (!"channel".equals(field) || value == null
                    || decision.visibilityOf(CommentView.ENTITY, "channel") != Visibility.FULL) {
                return null;
            }
            revealed.add("comment.channel");
            return new HistoryEntry.Change(field, null, value);
        }
        if (STRUCTURAL.contains(field)) {
            return new HistoryEntry.Change(field, null, value);
        }
        // as shown on this record: a REVEALABLE field is masked unless the reader revealed it here
        Visibility visibility = decision.shownOf(TicketView.ENTITY, field);
        if (visibility == Visibility.HIDDEN) {
            return null;
        }
        if (visibility != Visibility.FULL || value == null || value.startsWith("hmac:") || !value.contains("->")) {
            // the reader learns that the field changed, not from what to what (a keyed hash stays in the trail)
            revealed.add(field + "~changed");
            return new HistoryEntry.Change(field, null, null);
        }
        int arrow = value.indexOf("->");
        revealed.add(field);
        return new HistoryEntry.Change(field, nullText(value.substring(0, arrow)), nullText(value.substring(arrow + 2)));
    }

    private static String nullText(String text) {
        return "null".equals(text) ? null : text;
    }

    /** The fields whose values (or whose change) the entries showed, for the read's audit event. */
    Set<String> revealed() {
        return revealed;
    }
}
