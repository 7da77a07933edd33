package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import org.custodian.application.team.TeamService;
import org.custodian.application.ticket.HistoryEntry;
import org.custodian.interfaces.web.i18n.Labels;
import org.custodian.interfaces.web.i18n.Texts;

/** #23: the ticket's activity history (newest first), as the policy shows it to this user. */
@Named
@ViewScoped
public class TicketHistoryBean extends TicketWorkSection {

    private static final long serialVersionUID = 1L;

    @EJB
    TeamService teams;

    private List<HistoryEntry> entries;
    private Map<String, String> teamNames;

    public List<HistoryEntry> getEntries() {
        if (entries == null) {
            List<HistoryEntry> found = new ArrayList<>();
            try {
                if (ticketBean.getId() != null) {
                    found.addAll(work.history(portal.get(), ticketBean.getId()));
                }
            } catch (RuntimeException e) {
                // the history is an extra: the ticket page stands without it
            }
            java.util.Collections.reverse(found);
            entries = found;
        }
        return entries;
    }

    public String time(HistoryEntry entry) {
        return TicketWorkText.time(entry.at());
    }

    /** What happened, in the user's words ("changed", "commented", "reopened", …). */
    public String action(HistoryEntry entry) {
        try {
            return TicketWorkText.text("history.action." + entry.action());
        } catch (MissingResourceException e) {
            return entry.action();
        }
    }

    /** One change: "Status: Open → In progress", or only the field's name when its values are not shown. */
    public String change(HistoryEntry.Change change) {
        String field = label(change.field());
        // the reason is an internal comment: the comment's id says nothing to a person
        if ("reason".equals(change.field()) || change.from() == null && change.to() == null) {
            return field;
        }
        if (change.from() == null) {
            return field + ": " + shown(change.field(), change.to());
        }
        return field + ": " + shown(change.field(), change.from()) + " → " + shown(change.field(), change.to());
    }

    /** A team by its name (the trail records its key); other values as {@link #value} says. */
    private String shown(String field, String recorded) {
        if (!"team".equals(field) || recorded == null) {
            return value(field, recorded);
        }
        if (teamNames == null) {
            teamNames = new HashMap<>();
            // only for those who may list teams: asking otherwise would be a refusal in the trail
            if (portal.may("TICKET_WRITE") || portal.may("USER_READ")) {
                try {
                    teams.list(portal.get()).forEach(team -> teamNames.put(team.key(), team.name()));
                } catch (RuntimeException e) {
                    // the key stands in for the name
                }
            }
        }
        return teamNames.getOrDefault(recorded, recorded);
    }

    /** Times (resolvedAt) as people read them, statuses and priorities in words (#23); other values as recorded. */
    private static String value(String field, String recorded) {
        if (recorded == null) {
            return "–";
        }
        if ("status".equals(field) || "priority".equals(field)) {
            return Labels.label(field, recorded);
        }
        try {
            return TicketWorkText.time(java.time.Instant.parse(recorded));
        } catch (java.time.format.DateTimeParseException e) {
            return recorded;
        }
    }

    private static String label(String field) {
        try {
            return TicketWorkText.text("history.field." + field);
        } catch (MissingResourceException e) {
            String key = TicketBean.LABELS.get(field);
            return key == null ? field : Texts.get(key);
        }
    }
}
