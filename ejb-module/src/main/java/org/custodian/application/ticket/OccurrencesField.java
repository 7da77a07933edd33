package org.custodian.application.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.monitoring.OccurrenceRepository.Occurrences;

/**
 * The {@code occurrences} of a ticket that monitoring events made (#24): how often the alert came while the ticket
 * was open, first and last seen, and the fingerprint. Counts and times only (no personal data), so every reader of
 * the ticket sees them; absent on other tickets.
 */
final class OccurrencesField {

    static final String FIELD = "occurrences";

    private OccurrencesField() {
    }

    static TicketView with(TicketView view, Optional<Occurrences> found) {
        if (found.isEmpty()) {
            return view;
        }
        Occurrences o = found.get();
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("count", o.count());
        field.put("firstSeen", o.firstSeen());
        field.put("lastSeen", o.lastSeen());
        if (o.recoveredAt() != null) {
            field.put("recoveredAt", o.recoveredAt());
        }
        field.put("source", o.source());
        field.put("fingerprint", o.fingerprint());
        Map<String, Object> body = new LinkedHashMap<>(view.body());
        body.put(FIELD, field);
        return new TicketView(view.id(), view.version(), body);
    }
}
