package org.custodian.application.team;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.shared.Caller;

/**
 * Teams of users per region. User administrators (USER_MANAGE) create and change them; whoever has USER_READ sees
 * all of them, and the people who work tickets see the teams of their own regions.
 */
public interface TeamService {

    List<TeamView> list(Caller caller);

    TeamView get(Caller caller, String key);

    TeamView create(Caller caller, NewTeam team);

    /** Renames a team or moves it to another region (every member must work tickets there). */
    TeamView change(Caller caller, String key, TeamChanges changes);

    /** Adds a member: an existing, enabled user who works tickets in the team's region; else 422 saying why. */
    TeamView addMember(Caller caller, String key, String username);

    TeamView removeMember(Caller caller, String key, String username);

    /** The keys of the teams the user is a member of, of those the caller sees (USER_READ or the team's region). */
    List<String> teamsOf(Caller caller, String username);

    /**
     * Makes the user a member of exactly these teams (USER_MANAGE): added to each team named and not yet theirs,
     * taken out of the others, each change audited as by {@link #addMember}/{@link #removeMember}. Unknown keys are
     * a 422 on {@code teams} naming them; a team the user may not join is a 422 saying why.
     *
     * @return the keys of the user's teams afterwards
     */
    List<String> setTeams(Caller caller, String username, List<String> keys);

    /** Who may join the team and is not in it yet (USER_MANAGE): enabled users who work tickets in its region. */
    List<String> candidates(Caller caller, String key);

    /**
     * The caller's queue of colleagues: everyone in at least one of the caller's teams (the caller too); only the
     * caller when they are in no team.
     */
    Set<String> teammatesOf(Caller caller);

    /** The members of one team, if the caller may see that team; empty if there is no such team for them. */
    Optional<Set<String>> membersOf(Caller caller, String key);
}
