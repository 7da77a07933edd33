package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.application.ticket.Assignable;
import org.custodian.application.ticket.AssignableTeam;
import org.custodian.application.ticket.AssignableUser;
import org.custodian.application.ticket.TicketChanges;
import org.custodian.application.ticket.TicketService;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The ticket's assignment picker (#23): one list with the teams the ticket may be routed to ("the whole team",
 * nobody of it yet) and the people who may work it, grouped by those teams. A person's value is their username (as
 * before), a team's {@code team:<key>}. Choosing a person keeps the ticket's team when they are in it, else the
 * ticket leaves the team (a person of another team or of none works it alone); choosing a team leaves the person
 * out. A member of the ticket's team may "take" a ticket the team has and nobody of it yet.
 */
@Named("teamAssignment")
@RequestScoped
public class TeamAssignmentPicker {

    /** The prefix of a team's value in the picker (no username contains ':'). */
    static final String TEAM = "team:";

    @EJB
    TicketService tickets;

    @Inject
    PortalCaller portal;

    private final Map<Long, Assignable> assignable = new HashMap<>();

    private Assignable of(Long ticketId) {
        return assignable.computeIfAbsent(ticketId, id -> {
            try {
                return tickets.assignable(portal.get(), id);
            } catch (RuntimeException e) {
                return new Assignable(List.of(), List.of()); // the ticket page shows why it cannot be worked
            }
        });
    }

    /** The picker's value for a ticket as shown: its person, else its team, else "" (nobody). */
    public static String valueOf(Map<String, Object> body) {
        Object assignee = body.get("assignee");
        if (assignee != null) {
            return String.valueOf(assignee);
        }
        String team = teamKey(body);
        return team == null ? "" : TEAM + team;
    }

    /** The key of the ticket's team, or null. */
    static String teamKey(Map<String, Object> body) {
        return body.get("team") instanceof Map<?, ?> team && team.get("key") != null ? String.valueOf(team.get("key"))
                : null;
    }

    /** Teams first (each as a whole), then the people by team, then the others who may; the current value stays. */
    public List<SelectItem> options(Long ticketId, String current) {
        if (ticketId == null) {
            return List.of();
        }
        return items(of(ticketId), current);
    }

    /** The picker's groups for {@code who} (a ticket's, or a new ticket's): teams, people by team, the others. */
    static List<SelectItem> items(Assignable who, String current) {
        Map<String, String> names = new LinkedHashMap<>();
        for (AssignableUser user : who.users()) {
            names.put(user.username(), user.displayName() == null ? user.username()
                    : user.displayName() + " (" + user.username() + ")");
        }
        Set<String> offered = new LinkedHashSet<>();
        List<SelectItem> items = new ArrayList<>();
        if (!who.teams().isEmpty()) {
            SelectItemGroup teams = new SelectItemGroup(Flow.text("assign.teams"));
            teams.setSelectItems(who.teams().stream().map(team -> new SelectItem(TEAM + team.key(),
                    Flow.text("assign.wholeTeam", team.name()))).toArray(SelectItem[]::new));
            items.add(teams);
            who.teams().forEach(team -> offered.add(TEAM + team.key()));
        }
        Map<String, String> others = new LinkedHashMap<>(names);
        for (AssignableTeam team : who.teams()) {
            List<SelectItem> members = new ArrayList<>();
            for (String member : team.members()) {
                if (names.containsKey(member)) {
                    members.add(new SelectItem(member, names.get(member)));
                    others.remove(member);
                }
            }
            if (!members.isEmpty()) {
                SelectItemGroup group = new SelectItemGroup(Flow.text("assign.peopleOf", team.name()));
                group.setSelectItems(members.toArray(SelectItem[]::new));
                items.add(group);
            }
        }
        if (!others.isEmpty()) {
            SelectItemGroup group = new SelectItemGroup(Flow.text("pick.otherPeople"));
            group.setSelectItems(others.entrySet().stream().map(e -> new SelectItem(e.getKey(), e.getValue()))
                    .toArray(SelectItem[]::new));
            items.add(group);
        }
        offered.addAll(names.keySet());
        if (current != null && !current.isBlank() && !offered.contains(current)) {
            String shown = current.startsWith(TEAM) ? current.substring(TEAM.length()) : current;
            items.add(0, new SelectItem(current, shown + " " + Flow.text("pick.cannotWork")));
        }
        return items;
    }

    /**
     * Puts into {@code values} the changes of team and person that {@code choice} makes on the ticket shown as
     * {@code body} (nothing when it is what the ticket has).
     */
    void changes(Long ticketId, Map<String, Object> body, String choice, Map<String, String> values) {
        String chosen = choice == null || choice.isBlank() ? null : choice.trim();
        String team = teamKey(body);
        Object person = body.get("assignee");
        String newTeam;
        String newPerson;
        if (chosen != null && chosen.equals(valueOf(body))) {
            return; // what the ticket has: other fields changed, its team and person stand
        }
        if (chosen == null) {
            newTeam = null;
            newPerson = null;
        } else if (chosen.startsWith(TEAM)) {
            newTeam = chosen.substring(TEAM.length());
            newPerson = null;
        } else {
            newPerson = chosen;
            newTeam = team != null && membersOf(ticketId, team).contains(chosen) ? team : null;
        }
        if (body.containsKey("team") && !Objects.equals(team, newTeam)) {
            values.put("team", newTeam);
        }
        if (body.containsKey("assignee") && !Objects.equals(person == null ? null : String.valueOf(person),
                newPerson)) {
            values.put("assignee", newPerson);
        }
    }

    private List<String> membersOf(Long ticketId, String key) {
        return of(ticketId).teams().stream().filter(team -> team.key().equals(key)).findFirst()
                .map(AssignableTeam::members).orElse(List.of());
    }

    /** A sentence saying who a team change took off the ticket ("" when nobody), for the page's message. */
    static String takenOff(Map<String, Object> before, Map<String, Object> after) {
        Object person = before.get("assignee");
        if (person == null || after.get("notice") == null || after.get("assignee") != null
                || !(after.get("team") instanceof Map<?, ?> team)) {
            return "";
        }
        return ". " + Flow.text("assign.takenOff", person, team.get("name"));
    }

    /** Whether the user may take the ticket: its team has it, nobody of it yet, and they are of the team. */
    public boolean canTake(TicketBean page) {
        Map<String, Object> body = page.shownBody();
        if (body == null || !page.isCanWork() || body.get("assignee") != null || !body.containsKey("assignee")) {
            return false;
        }
        String team = teamKey(body);
        return team != null && membersOf(page.getId(), team).contains(portal.getUsername());
    }

    /** "Take it": the ticket becomes the user's, in its team. */
    public String take(TicketBean page) {
        return PageFailures.attempt("take", () -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("assignee", portal.getUsername());
            tickets.revise(portal.get(), page.getId(), new TicketChanges(values), page.getVersion());
            return Flow.done(Flow.text("assign.taken"), Flow.text("assign.takenDetail", page.getId()));
        });
    }
}
