package org.custodian.application.scim;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.identity.GroupMapping;
import org.custodian.application.identity.IdentityProviderSettings;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserChanges;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.scim.ScimGroup;
import org.custodian.domain.model.scim.ScimRepository;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

/**
 * What a user's SCIM groups give them, recomputed inside the transaction of every membership change:
 * <ul>
 * <li>roles and regions: what the group mapping ({@code custodian.oidc.group-map}, the same as for the IdP's tokens)
 * grants the names of their groups, set through the users administration service — so PRIVACY_OFFICER, SUPERVISOR
 * and USER_ADMIN become four-eyes requests a person approves, removals take effect at once and revoke the user's
 * tokens, and USER_UPDATE records the roles and regions before and after. Only when the change concerns a group the
 * mapping names: groups it does not name neither give nor take anything, so a user's roles given by hand stay
 * until a mapped group says otherwise.</li>
 * <li>teams: a group whose displayName is a team's key or name (any case) makes its members members of that team
 * (when they may be: enabled and working tickets in its region; else the refusal is recorded and the membership
 * waits for the next change), and leaving the group takes them out.</li>
 * </ul>
 */
@ApplicationScoped
public class ScimAccess {

    @EJB
    UserAdministrationService users;

    @EJB
    PolicyService policy;

    @EJB
    AuditService audit;

    @Inject
    ScimRepository scim;

    @Inject
    TeamRepository teams;

    @Inject
    UserRepository userStore;

    @Inject
    IdentityProviderSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** Recomputes the access of a user whose SCIM groups were named {@code before} and are now as stored. */
    void recompute(Caller caller, long userId, Collection<String> before) {
        scim.flush();
        User user = scim.findUser(userId).orElse(null);
        if (user == null) {
            return;
        }
        List<String> after = scim.groupsOf(userId).stream().map(ScimGroup::getDisplayName).toList();
        GroupMapping mapping = settings.groupMapping();
        if (before.stream().anyMatch(mapping.groups()::contains) || after.stream().anyMatch(mapping.groups()::contains)) {
            GroupMapping.Grants grants = mapping.map(after);
            users.change(caller, user.getUsername(), new UserChanges(Set.of("roles", "regions"), null, null,
                    grants.roles().stream().map(Enum::name).toList(),
                    grants.regions().stream().map(Enum::name).toList(), null, null, null));
        }
        syncTeams(caller, user.getUsername(), before, after);
    }

    private void syncTeams(Caller caller, String username, Collection<String> before, Collection<String> after) {
        List<Team> all = teams.findAll();
        Set<String> wanted = teamKeys(all, after);
        Set<String> former = teamKeys(all, before);
        for (Team team : all) {
            if (former.contains(team.getKey()) && !wanted.contains(team.getKey()) && team.hasMember(username)) {
                int count = team.getMembers().size();
                team.remove(username, clock.instant());
                audit.record(caller, AuditActions.TEAM_MEMBER_REMOVE, AuditActions.TEAM, team.getKey(),
                        List.of("member-=" + username, "members=" + count + "->" + team.getMembers().size(),
                                "via=scim"), AuditOutcome.SUCCESS);
            } else if (wanted.contains(team.getKey()) && !team.hasMember(username)) {
                String why = whyNot(username, team);
                int count = team.getMembers().size();
                if (why == null) {
                    team.add(username, clock.instant());
                    audit.record(caller, AuditActions.TEAM_MEMBER_ADD, AuditActions.TEAM, team.getKey(),
                            List.of("member+=" + username, "members=" + count + "->" + team.getMembers().size(),
                                    "via=scim"), AuditOutcome.SUCCESS);
                } else {
                    // the IdP's sync must not fail for it: the refusal is evidence, the next change tries again
                    audit.record(caller, AuditActions.TEAM_MEMBER_ADD, AuditActions.TEAM, team.getKey(),
                            List.of("member+=" + username, "via=scim", "refused=" + why), AuditOutcome.FAILURE);
                }
            }
        }
        teams.flush();
    }

    /** Null when the user may be a member of the team, else why not (as the teams service decides). */
    private String whyNot(String username, Team team) {
        User user = userStore.findByUsername(username).orElse(null);
        if (user == null || !user.isEnabled()) {
            return "disabled";
        }
        Caller member = new Caller(user.getUsername(), user.getRoles(), user.getRegions(), null, null);
        if (!policy.allowsIn(member, Permission.TICKET_WRITE, team.getRegion())) {
            return "does not work tickets in region " + team.getRegion();
        }
        return null;
    }

    static Set<String> teamKeys(List<Team> all, Collection<String> groupNames) {
        Set<String> keys = new TreeSet<>();
        List<String> names = new ArrayList<>();
        groupNames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        for (Team team : all) {
            if (names.contains(team.getKey()) || names.contains(team.getName().toLowerCase(Locale.ROOT))) {
                keys.add(team.getKey());
            }
        }
        return keys;
    }
}
