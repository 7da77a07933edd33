package org.custodian.interfaces.web.ticket;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Times;

/**
 * The ticket page's service-level section (#25): each clock's due time in the user's time zone and language, and
 * how far off it is ("due in 2 h 10 min", "overdue by 35 min"), or that it was met, stopped or is paused.
 */
@Named
@RequestScoped
public class TicketSlaBean {

    private static final String[] CLOCKS = {"firstResponse", "nextResponse", "resolution"};

    @Inject
    TicketBean ticketBean;

    @Inject
    Times times;

    private final Clock clock = Clock.systemUTC();

    /** One line of the section. */
    public record Row(String key, String label, String due, String dueIso, String dueUtc, String status,
            String state) {
    }

    public boolean isApplies() {
        return ticketBean.getSla() != null;
    }

    public List<Row> getRows() {
        Map<String, Object> sla = ticketBean.getSla();
        List<Row> rows = new ArrayList<>();
        if (sla == null) {
            return rows;
        }
        Instant now = clock.instant();
        for (String key : CLOCKS) {
            Object due = sla.get(key + "Due");
            if (due == null) {
                continue;
            }
            String state = String.valueOf(sla.get(key + "State"));
            rows.add(new Row(key, Texts.get("sla." + key), times.local(due), times.iso(due), times.utc(due),
                    status(state, Times.forUser(sla.get(key + "Met")), instant(due), now), state));
        }
        return rows;
    }

    private static String status(String state, String met, Instant due, Instant now) {
        return switch (state) {
            case "MET" -> Texts.get("sla.met", met);
            case "MET_LATE" -> Texts.get("sla.metLate", met);
            case "STOPPED" -> Texts.get("sla.stopped");
            case "PAUSED" -> Texts.get("sla.paused");
            default -> now.isBefore(due) ? Texts.get("sla.dueIn", span(Duration.between(now, due)))
                    : Texts.get("sla.overdueBy", span(Duration.between(due, now)));
        };
    }

    /** "2 h 10 min", "3 d 4 h", "5 min" in the page's language. */
    static String span(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return Texts.get("sla.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return Texts.get("sla.hours", minutes / 60, minutes % 60);
        }
        return Texts.get("sla.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : Instant.parse(String.valueOf(value));
    }
}
