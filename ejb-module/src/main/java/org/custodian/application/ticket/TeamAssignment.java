package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;

/**
 * Routing a ticket to a team (#23), as Zendesk and Zammad groups do: the team must work the ticket's region and
 * have at least one member whom the policy lets work the ticket (a team nobody of which may open it would be a
 * queue nobody works); a person assigned together with a team must be one of its members. Who may work it is
 * decided by the policy for each member as if they opened the ticket themselves ({@link Assignees}).
 */
@Dependent
class TeamAssignment {

    @EJB
    private PolicyService policy;

    @Inject
    private TeamRepository teams;

    @Inject
    private UserRepository users;

    /**
     * What a change leaves on the ticket.
     *
     * @param team the team afterwards (null: none)
     * @param teamChanged whether the team changes
     * @param assignee the person afterwards (null: nobody)
     * @param takenOff the person taken off because they are not in the new team (null: nobody was)
     */
    record Outcome(Team team, boolean teamChanged, String assignee, String takenOff) {
    }

    /**
     * Decides team and person after a change.
     *
     * @param current the ticket's team now (null: none)
     * @param teamGiven whether the change names the team; {@code teamKey} is then its key (null or blank: no team)
     * @param assignee the person the ticket will have if nothing else decides (the one given, or the current one)
     * @param assigneeGiven whether the change names the person (then a person outside the team is refused, else
     *        taken off)
     */
    Outcome decide(Team current, boolean teamGiven, String teamKey, String assignee, boolean assigneeGiven,
            ResourceScope scope) {
        if (!teamGiven && !assigneeGiven) {
            // neither changes: what the ticket carries stands (a member who left the team stays until changed)
            return new Outcome(current, false, assignee, null);
        }
        Team team = current;
        boolean changed = false;
        if (teamGiven) {
            String key = teamKey == null || teamKey.isBlank() ? null : teamKey.trim();
            team = key == null ? null : requireAssignable(key, scope);
            changed = !sameTeam(current, team);
        }
        if (team == null || assignee == null || team.hasMember(assignee)) {
            return new Outcome(team, changed, assignee, null);
        }
        if (assigneeGiven || !changed) {
            // named together with the team (or chosen for a team the ticket already has): the person must be in it
            throw new DomainRuleViolationException("assignee", "'" + assignee + "' is not a member of the team '"
                    + team.getName() + "'; choose one of its members, or another team or none");
        }
        // the team changed and the person stays behind: the new team's members take it from here
        return new Outcome(team, true, null, assignee);
    }

    /** The team of this key if the ticket may be routed to it; else a 422 on {@code team} saying why. */
    Team requireAssignable(String key, ResourceScope scope) {
        Team team = teams.findByKey(key).orElseThrow(() -> new DomainRuleViolationException("team",
                "there is no team '" + key + "'; pick one of the teams offered for this ticket"));
        if (team.getRegion() != scope.region()) {
            throw new DomainRuleViolationException("team", "the team '" + team.getName() + "' works tickets in"
                    + " region " + team.getRegion() + ", and this ticket is in region " + scope.region());
        }
        if (mayWork(team, scope).isEmpty()) {
            throw new DomainRuleViolationException("team", "nobody in the team '" + team.getName() + "' may work"
                    + " this ticket (no member is enabled and allowed to work it), so nobody would take it");
        }
        return team;
    }

    /** The teams the ticket may be routed to, each with those of its members who may work it. */
    List<AssignableTeam> of(ResourceScope scope, List<AssignableUser> assignable) {
        Set<String> may = assignable.stream().map(AssignableUser::username).collect(Collectors.toSet());
        List<AssignableTeam> offered = new ArrayList<>();
        for (Team team : teams.findAll()) {
            if (team.getRegion() != scope.region()) {
                continue;
            }
            List<String> members = team.getMembers().stream().filter(may::contains).toList();
            if (!members.isEmpty()) {
                offered.add(new AssignableTeam(team.getKey(), team.getName(), members));
            }
        }
        return offered;
    }

    /** The members of the team whom the policy lets work the ticket (enabled, their roles, regions and grants). */
    private List<String> mayWork(Team team, ResourceScope scope) {
        List<Caller> members = new ArrayList<>();
        for (String username : team.getMembers()) {
            users.findByUsername(username).filter(User::isEnabled).map(Assignees::asCaller).ifPresent(members::add);
        }
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, String> refused = policy.refusalsFor(members, Permission.TICKET_WRITE, scope);
        return members.stream().map(Caller::username).filter(username -> !refused.containsKey(username)).toList();
    }

    private static boolean sameTeam(Team one, Team other) {
        return one == null ? other == null : other != null && one.getKey().equals(other.getKey());
    }

    /**
     * The teams whose own work a queue filter includes (#23): {@code team} the caller's teams, {@code team:<key>} that
     * team (the caller's service checked they see it); null for any other filter.
     */
    Set<Long> queueTeams(Caller caller, String assignee) {
        if ("team".equalsIgnoreCase(assignee)) {
            return teams.teamsOf(caller.username()).stream().map(Team::getId).collect(Collectors.toSet());
        }
        if (assignee.regionMatches(true, 0, "team:", 0, 5)) {
            return teams.findByKey(assignee.substring(5).trim()).map(team -> Set.of(team.getId())).orElse(Set.of());
        }
        return null;
    }

    /** The field of a reply that says who was taken off the ticket by a team change. */
    static final String NOTICE = "notice";

    /**
     * The reply to a change, with a sentence saying who was taken off (if the caller sees the assignee at all): the
     * client asked for a team, not for the person to go, and should not have to find out by comparing.
     */
    static TicketView noted(TicketView view, Outcome outcome) {
        if (outcome.takenOff() == null || !view.body().containsKey("assignee")) {
            return view;
        }
        Map<String, Object> body = new LinkedHashMap<>(view.body());
        body.put(NOTICE, "'" + outcome.takenOff() + "' is not a member of the team '" + outcome.team().getName()
                + "' and is no longer assigned; one of the team's members takes the ticket from here");
        return new TicketView(view.id(), view.version(), body);
    }

    /** The team's key for the trail, or null. */
    static String keyOf(Team team) {
        return team == null ? null : team.getKey();
    }
}
