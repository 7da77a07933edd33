package org.custodian.application.user;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.team.TeamService;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.FourEyes;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserAdministrationRepository;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.model.user.UserRules;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultUserAdministrationService implements UserAdministrationService {

    static final int MAX_PAGE_SIZE = 100;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private TeamService teams;

    @Inject
    private UserRepository users;

    @Inject
    private UserAdministrationRepository admin;

    @Inject
    private TokenRevocationService revocation;

    @Inject
    private GrantRequests grants;

    @Inject
    private FieldDigest digest;

    private final Clock clock = Clock.systemUTC();

    @Override
    public PageResult<UserView> list(Caller caller, UserQuery query) {
        policy.enforce(caller, Permission.USER_READ, AuditActions.USER, null);
        RuleCheck check = new RuleCheck();
        Role role = null;
        if (query.role() != null && !query.role().isBlank()) {
            role = UserRules.roles(List.of(query.role()), new RuleCheck()).stream().findFirst().orElse(null);
            check.require(role != null, "role", "must be one of " + List.of(Role.values()));
        }
        Region region = null;
        if (query.region() != null && !query.region().isBlank()) {
            region = Region.parse(query.region()).orElse(null);
            check.require(region != null, "region", "must be one of " + Region.allowedValues());
        }
        check.require(query.page() >= 0, "page", "must be 0 or more")
                .require(query.size() >= 1 && query.size() <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE)
                .optionalText(query.q(), "q", 200).throwIfAny();
        List<UserView> page = admin.search(role, region, query.active(), query.q(), query.page() * query.size(),
                query.size()).stream().map(user -> view(caller, user)).toList();
        long total = admin.count(role, region, query.active(), query.q());
        audit.record(caller, AuditActions.USER_LIST, AuditActions.USER, null, List.of("shown=" + page.size()),
                AuditOutcome.SUCCESS);
        return new PageResult<>(page, query.page(), query.size(), total);
    }

    @Override
    public UserView get(Caller caller, String username) {
        String name = checkedName(username);
        policy.enforce(caller, Permission.USER_READ, AuditActions.USER, name);
        User user = users.findByUsername(name).orElseThrow(() -> new ResourceNotFoundException("user", name));
        audit.record(caller, AuditActions.USER_READ, AuditActions.USER, name, null, AuditOutcome.SUCCESS);
        return view(caller, user);
    }

    @Override
    public UserView create(Caller caller, NewUser input) {
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.USER, null);
        RuleCheck check = new RuleCheck();
        String name = input.username() == null ? null : input.username().trim();
        UserRules.username(name, check);
        UserRules.displayName(input.displayName(), check);
        String email = input.email() == null ? null : input.email().trim();
        UserRules.email(email, check);
        String timeZone = input.timeZone() == null ? "UTC" : input.timeZone().trim();
        UserRules.timeZone(timeZone, check);
        String locale = input.locale() == null ? "en" : input.locale().trim().toLowerCase(Locale.ROOT);
        UserRules.locale(locale, check);
        Set<Role> wanted = UserRules.roles(input.roles() == null ? List.of() : input.roles(), check);
        Set<Region> regions = UserRules.regions(input.regions() == null ? List.of() : input.regions(), check);
        check.throwIfAny();
        if (users.findByUsername(name).isPresent()) {
            throw new ConflictException("the username " + name + " is taken; choose another");
        }
        if (admin.emailTaken(email, null)) {
            throw new ConflictException("another user has the e-mail address given; each address belongs to one user");
        }
        Instant now = clock.instant();
        FourEyes.Split split = FourEyes.split(EnumSet.noneOf(Role.class), wanted);
        User user = User.created(name, input.displayName().trim(), email, split.result(), regions, timeZone, locale,
                caller.username(), now);
        users.store(user);
        users.flush();   // a username taken at the same moment fails here, as a 409
        if (Boolean.FALSE.equals(input.active())) {
            user.disable("created inactive", caller.username(), now);
        }
        audit.record(caller, AuditActions.USER_CREATE, AuditActions.USER, name, List.of(
                "displayName=" + digest.of("user.displayName", user.getDisplayName()),
                "email=" + digest.of("user.email", email), "roles=" + GrantRequests.names(split.result()),
                "regions=" + GrantRequests.names(regions), "timeZone=" + timeZone, "locale=" + locale,
                "active=" + user.isEnabled(), "pendingRoles=" + GrantRequests.names(split.pending())),
                AuditOutcome.SUCCESS);
        grants.open(caller, name, split.pending(), now);
        return UserView.of(user, grants.pending(name));
    }

    @Override
    public UserView change(Caller caller, String username, UserChanges changes) {
        String name = checkedName(username);
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.USER, name);
        RuleCheck check = new RuleCheck();
        for (String field : List.of("displayName", "roles", "regions", "timeZone", "locale", "active", "teams")) {
            check.require(!changes.has(field) || value(changes, field) != null, field,
                    "cannot be null: give a value (only email can be removed)");
        }
        if (changes.has("displayName") && changes.displayName() != null) {
            UserRules.displayName(changes.displayName(), check);
        }
        String email = changes.email() == null ? null : changes.email().trim();
        if (changes.has("email") && email != null) {
            UserRules.email(email, check);
        }
        if (changes.has("timeZone") && changes.timeZone() != null) {
            UserRules.timeZone(changes.timeZone().trim(), check);
        }
        String locale = changes.locale() == null ? null : changes.locale().trim().toLowerCase(Locale.ROOT);
        if (changes.has("locale") && locale != null) {
            UserRules.locale(locale, check);
        }
        Set<Role> wanted = changes.roles() == null ? null : UserRules.roles(changes.roles(), check);
        Set<Region> regions = changes.regions() == null ? null : UserRules.regions(changes.regions(), check);
        check.require(!changes.present().isEmpty(), "body", "name at least one field to change: "
                + UserChanges.FIELDS).throwIfAny();

        User user = admin.lockUser(name).orElseThrow(() -> new ResourceNotFoundException("user", name));
        Instant now = clock.instant();
        boolean self = name.equals(caller.username());
        if (self && wanted != null && !wanted.equals(user.getRoles())) {
            throw refused(caller, AuditActions.USER_UPDATE, name,
                    "you cannot change your own roles: another user administrator must");
        }
        if (self && Boolean.FALSE.equals(changes.active())) {
            throw refused(caller, AuditActions.USER_DISABLE, name,
                    "you cannot disable your own account: another user administrator must");
        }
        if (email != null && changes.has("email") && admin.emailTaken(email, name)) {
            throw new ConflictException("another user has the e-mail address given; each address belongs to one user");
        }
        List<String> fields = new ArrayList<>();
        // profile: personal values before and after as keyed hashes
        String displayName = changes.has("displayName") ? changes.displayName().trim() : user.getDisplayName();
        String newEmail = changes.has("email") ? email : user.getEmail();
        String timeZone = changes.has("timeZone") ? changes.timeZone().trim() : user.getTimeZone();
        String newLocale = changes.has("locale") ? locale : user.getLocale();
        if (!displayName.equals(user.getDisplayName())) {
            fields.add("displayName=" + digest.of("user.displayName", user.getDisplayName()) + "->"
                    + digest.of("user.displayName", displayName));
        }
        if (!Objects.equals(newEmail, user.getEmail())) {
            fields.add("email=" + hashOrNone("user.email", user.getEmail()) + "->" + hashOrNone("user.email", newEmail));
        }
        if (!timeZone.equals(user.getTimeZone())) {
            fields.add("timeZone=" + user.getTimeZone() + "->" + timeZone);
        }
        if (!newLocale.equals(user.getLocale())) {
            fields.add("locale=" + user.getLocale() + "->" + newLocale);
        }
        if (!fields.isEmpty()) {
            user.changeProfile(displayName, newEmail, timeZone, newLocale, caller.username(), now);
        }
        // access: removals now, plain grants now, guarded grants as requests
        boolean lessAccess = false;
        FourEyes.Split split = FourEyes.split(user.getRoles(), wanted == null ? user.getRoles() : wanted);
        Set<Region> newRegions = regions == null ? user.getRegions() : regions;
        if (!split.result().equals(user.getRoles()) || !newRegions.equals(user.getRegions())) {
            lessAccess = !split.removed().isEmpty() || !newRegions.containsAll(user.getRegions());
            if (!split.result().equals(user.getRoles())) {
                fields.add("roles=" + GrantRequests.names(user.getRoles()) + "->" + GrantRequests.names(split.result()));
            }
            if (!newRegions.equals(user.getRegions())) {
                fields.add("regions=" + GrantRequests.names(user.getRegions()) + "->" + GrantRequests.names(newRegions));
            }
            user.changeAccess(split.result(), newRegions, caller.username(), now);
        }
        if (!split.pending().isEmpty()) {
            fields.add("pendingRoles=" + GrantRequests.names(split.pending()));
        }
        if (!fields.isEmpty()) {
            audit.record(caller, AuditActions.USER_UPDATE, AuditActions.USER, name, fields, AuditOutcome.SUCCESS);
        }
        if (wanted != null) {
            grants.withdraw(caller, name, wanted, "no longer asked for", now);
        }
        grants.open(caller, name, split.pending(), now);
        if (Boolean.FALSE.equals(changes.active()) && user.isEnabled()) {
            disableLocked(caller, user, "set inactive", now);
        } else if (Boolean.TRUE.equals(changes.active()) && !user.isEnabled()) {
            user.enable(caller.username(), now);
            audit.record(caller, AuditActions.USER_ENABLE, AuditActions.USER, name, null, AuditOutcome.SUCCESS);
        } else if (lessAccess) {
            // tokens carry roles and regions: those issued before must not outlive what was taken away
            revocation.revokeFor(caller, name, "roles or regions taken away");
        }
        if (changes.has("teams")) {
            // after the access change: a region given in the same patch lets the user join that region's team
            teams.setTeams(caller, name, changes.teams());
        }
        return view(caller, user);
    }

    @Override
    public UserView disable(Caller caller, String username, String reason) {
        String name = checkedName(username);
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.USER, name);
        new RuleCheck().requireText(reason, "reason", 5, 500).throwIfAny();
        User user = admin.lockUser(name).orElseThrow(() -> new ResourceNotFoundException("user", name));
        if (name.equals(caller.username())) {
            throw refused(caller, AuditActions.USER_DISABLE, name,
                    "you cannot disable your own account: another user administrator must");
        }
        if (!user.isEnabled()) {
            throw new ConflictException(name + " is disabled already (since " + user.getDisabledAt() + ")");
        }
        disableLocked(caller, user, reason.trim(), clock.instant());
        return view(caller, user);
    }

    /** Sign-in refused, tokens revoked (portal sessions see it at their next request), links and requests void. */
    private void disableLocked(Caller caller, User user, String reason, Instant now) {
        String name = user.getUsername();
        user.disable(reason, caller.username(), now);
        admin.openInvitations(name).forEach(invitation -> invitation.voidAt(now));
        grants.withdraw(caller, name, null, "account disabled", now);
        audit.record(caller, AuditActions.USER_DISABLE, AuditActions.USER, name,
                List.of("reason=" + digest.of("user.disabledReason", reason)), AuditOutcome.SUCCESS);
        revocation.revokeFor(caller, name, "account disabled");
    }

    private UserView view(Caller caller, User user) {
        return UserView.of(user, teams.teamsOf(caller, user.getUsername()), grants.pending(user.getUsername()));
    }

    /** A refusal the trail records (the exception does not roll back the event). */
    private AccessDeniedException refused(Caller caller, String action, String name, String why) {
        audit.record(caller, action, AuditActions.USER, name, List.of("refused=self"),
                AuditOutcome.DENIED);
        return new AccessDeniedException(why);
    }

    private String hashOrNone(String key, String value) {
        return value == null ? "none" : digest.of(key, value);
    }

    private static Object value(UserChanges changes, String field) {
        return switch (field) {
            case "displayName" -> changes.displayName();
            case "roles" -> changes.roles();
            case "regions" -> changes.regions();
            case "timeZone" -> changes.timeZone();
            case "locale" -> changes.locale();
            case "teams" -> changes.teams();
            default -> changes.active();
        };
    }

    /** A username from the path, lower-cased as sign-in does; 422 before anything records an overlong one. */
    static String checkedName(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        new RuleCheck().require(!name.isEmpty() && name.length() <= UserRules.MAX_USERNAME, "username",
                "must be a username of 1 to " + UserRules.MAX_USERNAME + " characters").throwIfAny();
        return name;
    }
}
