package org.custodian.application.team;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultTeamService implements TeamService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private TeamRepository teams;

    @Inject
    private UserRepository users;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<TeamView> list(Caller caller) {
        boolean all = policy.allows(caller, Permission.USER_READ);
        if (!all && !policy.allows(caller, Permission.TICKET_WRITE)) {
            policy.enforce(caller, Permission.USER_READ, AuditActions.TEAM, null);
        }
        List<TeamView> views = new ArrayList<>();
        for (Team team : teams.findAll()) {
            if (all || policy.allowsIn(caller, Permission.TICKET_WRITE, team.getRegion())) {
                views.add(TeamView.of(team));
            }
        }
        return views;
    }

    @Override
    public TeamView get(Caller caller, String key) {
        if (!policy.allows(caller, Permission.TICKET_WRITE)) {
            policy.enforce(caller, Permission.USER_READ, AuditActions.TEAM, key);
        }
        Team team = find(caller, key, AuditActions.TEAM);
        if (!sees(caller, team)) {
            audit.record(caller, Permission.USER_READ.name(), AuditActions.TEAM, key, null, AuditOutcome.DENIED);
            throw new AccessDeniedException("team " + key + " works region " + team.getRegion()
                    + ", outside your regions " + caller.regions());
        }
        return TeamView.of(team);
    }

    @Override
    public TeamView create(Caller caller, NewTeam input) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, input.key());
        RuleCheck check = new RuleCheck();
        Region region = Inputs.enumValue(Region.class, input.region(), "region", true, check);
        check.throwIfAny();
        Team team = new Team(input.key(), input.name(), region, clock.instant());
        if (teams.findByKey(team.getKey()).isPresent()) {
            throw new ConflictException("a team with key '" + team.getKey() + "' already exists");
        }
        teams.store(team);
        flushOrConflict(team.getKey());
        audit.record(caller, AuditActions.TEAM_CREATE, AuditActions.TEAM, team.getKey(),
                List.of("key=" + team.getKey(), "name=" + team.getName(), "region=" + team.getRegion()),
                AuditOutcome.SUCCESS);
        return TeamView.of(team);
    }

    @Override
    public TeamView change(Caller caller, String key, TeamChanges changes) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, key);
        Team team = find(caller, key, AuditActions.TEAM_CHANGE);
        RuleCheck check = new RuleCheck()
                .require(changes.name() != null || changes.region() != null, "body", "name a field to change: name"
                        + " or region (the key never changes)");
        Region region = Inputs.enumValue(Region.class, changes.region(), "region", false, check);
        check.throwIfAny();
        if (region != null && region != team.getRegion()) {
            // the team's queue must stay workable: nobody in it may be left without access to its region
            RuleCheck members = new RuleCheck();
            for (String member : team.getMembers()) {
                String why = whyNotMember(member, region);
                members.require(why == null, "region", "member " + why + "; remove them first");
            }
            members.throwIfAny();
        }
        String nameBefore = team.getName();
        Region regionBefore = team.getRegion();
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>();
        if (changes.name() != null && team.rename(changes.name(), now)) {
            fields.add("name=" + nameBefore + "->" + team.getName());
        }
        if (region != null && team.moveTo(region, now)) {
            fields.add("region=" + regionBefore + "->" + team.getRegion());
        }
        if (!fields.isEmpty()) {
            teams.flush();
            audit.record(caller, AuditActions.TEAM_CHANGE, AuditActions.TEAM, key, fields, AuditOutcome.SUCCESS);
        }
        return TeamView.of(team);
    }

    @Override
    public TeamView addMember(Caller caller, String key, String username) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, key);
        Team team = find(caller, key, AuditActions.TEAM_MEMBER_ADD);
        String why = whyNotMember(username, team.getRegion());
        if (why != null) {
            throw new DomainRuleViolationException("username", why);
        }
        int before = team.getMembers().size();
        if (team.add(username, clock.instant())) {
            teams.flush();
            audit.record(caller, AuditActions.TEAM_MEMBER_ADD, AuditActions.TEAM, key,
                    List.of("member+=" + username, "members=" + before + "->" + team.getMembers().size()),
                    AuditOutcome.SUCCESS);
        }
        return TeamView.of(team);
    }

    @Override
    public TeamView removeMember(Caller caller, String key, String username) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, key);
        Team team = find(caller, key, AuditActions.TEAM_MEMBER_REMOVE);
        int before = team.getMembers().size();
        if (!team.remove(username, clock.instant())) {
            audit.record(caller, AuditActions.TEAM_MEMBER_REMOVE, AuditActions.TEAM, key, null,
                    AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("member of team " + key, username);
        }
        teams.flush();
        audit.record(caller, AuditActions.TEAM_MEMBER_REMOVE, AuditActions.TEAM, key,
                List.of("member-=" + username, "members=" + before + "->" + team.getMembers().size()),
                AuditOutcome.SUCCESS);
        return TeamView.of(team);
    }

    @Override
    public List<String> teamsOf(Caller caller, String username) {
        return teams.teamsOf(username).stream().filter(team -> sees(caller, team)).map(Team::getKey).toList();
    }

    @Override
    public List<String> setTeams(Caller caller, String username, List<String> keys) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, null);
        RuleCheck check = new RuleCheck().require(keys != null, "teams", "must be a list of team keys ([] for none)");
        check.throwIfAny();
        Set<String> wanted = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            String trimmed = key == null ? "" : key.trim();
            if (wellFormed(trimmed) && teams.findByKey(trimmed).isPresent()) {
                wanted.add(trimmed);
            } else {
                unknown.add(key);
            }
        }
        check.require(unknown.isEmpty(), "teams", "unknown teams " + unknown + "; known: "
                + teams.findAll().stream().map(Team::getKey).toList()).throwIfAny();
        List<String> current = teams.teamsOf(username).stream().map(Team::getKey).toList();
        for (String key : current) {
            if (!wanted.contains(key)) {
                removeMember(caller, key, username);
            }
        }
        for (String key : wanted) {
            if (!current.contains(key)) {
                try {
                    addMember(caller, key, username);
                } catch (DomainRuleViolationException e) {
                    // the reason is about the user; the field the client sent is teams
                    throw new DomainRuleViolationException("teams", "team " + key + ": " + e.getViolations().get(0)
                            .message());
                }
            }
        }
        return teams.teamsOf(username).stream().map(Team::getKey).toList();
    }

    @Override
    public List<String> candidates(Caller caller, String key) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.TEAM, key);
        Team team = find(caller, key, AuditActions.TEAM);
        return users.findEnabledWithAnyRole(policy.rolesGranted(Permission.TICKET_WRITE)).stream()
                .map(User::getUsername).filter(name -> !team.getMembers().contains(name))
                .filter(name -> whyNotMember(name, team.getRegion()) == null).sorted().toList();
    }

    @Override
    public Set<String> teammatesOf(Caller caller) {
        Set<String> usernames = new TreeSet<>(teams.teammatesOf(caller.username()));
        // in no team: the caller's own tickets, never everyone of their region (that was the old meaning)
        usernames.add(caller.username());
        return usernames;
    }

    @Override
    public Optional<Set<String>> membersOf(Caller caller, String key) {
        return wellFormed(key) ? teams.findByKey(key).filter(team -> sees(caller, team)).map(Team::getMembers)
                : Optional.empty();
    }

    /** USER_READ sees every team; the people who work tickets see the teams of their regions. */
    private boolean sees(Caller caller, Team team) {
        return policy.allows(caller, Permission.USER_READ)
                || policy.allowsIn(caller, Permission.TICKET_WRITE, team.getRegion());
    }

    /** Null when the user may be a member of a team of that region, else why not (naming them). */
    private String whyNotMember(String username, Region region) {
        // text the database cannot even compare (NUL) is refused as input, before any lookup
        new RuleCheck().requireText(username, "username", 64).throwIfAny();
        User user = users.findByUsername(username).orElse(null);
        if (user == null) {
            return "'" + username + "' is not a user here";
        }
        if (!user.isEnabled()) {
            return "'" + username + "' is disabled";
        }
        Caller member = new Caller(user.getUsername(), user.getRoles(), user.getRegions(), null, null);
        if (!policy.allows(member, Permission.TICKET_WRITE)) {
            return "'" + username + "' has no role that works tickets (their roles: "
                    + (member.roles().isEmpty() ? "none" : member.rolesText()) + ")";
        }
        if (!policy.allowsIn(member, Permission.TICKET_WRITE, region)) {
            return "'" + username + "' does not work tickets in region " + region + " (their regions: "
                    + (user.getRegions().isEmpty() ? "none" : new TreeSet<>(user.getRegions())) + ")";
        }
        return null;
    }

    private Team find(Caller caller, String key, String action) {
        Team team = wellFormed(key) ? teams.findByKey(key).orElse(null) : null;
        if (team == null) {
            audit.record(caller, action, AuditActions.TEAM, key, null, AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("team", key);
        }
        return team;
    }

    /** A key no team can have is not looked up (the database is never asked about NUL or megabytes). */
    private static boolean wellFormed(String key) {
        return key != null && Team.KEY.matcher(key).matches();
    }

    private void flushOrConflict(String key) {
        try {
            teams.flush();
        } catch (PersistenceException e) {
            // a concurrent create of the same key won the unique index
            throw new ConflictException("a team with key '" + key + "' already exists");
        }
    }
}
