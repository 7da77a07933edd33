package org.custodian.application.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.sla.SlaClocks;

/**
 * Adds the {@code sla} object (#25: due times and state of the ticket's clocks; null when no SLA policy applies) to
 * ticket views. Not data about anyone, so shown to whoever may read the ticket.
 */
final class TicketSlaField {

    static final String FIELD = "sla";

    private TicketSlaField() {
    }

    static TicketView add(TicketView view, SlaClocks clocks) {
        return with(view, clocks.describe(view.id()));
    }

    static List<TicketView> addAll(List<TicketView> views, SlaClocks clocks) {
        Map<Long, Map<String, Object>> all = clocks.describe(views.stream().map(TicketView::id).toList());
        List<TicketView> out = new ArrayList<>(views.size());
        for (TicketView view : views) {
            out.add(with(view, all.get(view.id())));
        }
        return out;
    }

    private static TicketView with(TicketView view, Map<String, Object> sla) {
        Map<String, Object> body = new LinkedHashMap<>(view.body());
        body.put(FIELD, sla);
        return new TicketView(view.id(), view.version(), body);
    }
}
