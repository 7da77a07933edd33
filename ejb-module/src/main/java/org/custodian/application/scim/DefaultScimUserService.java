package org.custodian.application.scim;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.user.NewUser;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserChanges;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.scim.ScimGroup;
import org.custodian.domain.model.scim.ScimRepository;
import org.custodian.domain.model.scim.ScimUserRecord;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

@Stateless
public class DefaultScimUserService implements ScimUserService {

    @EJB
    PolicyService policy;

    @EJB
    AuditService audit;

    @EJB
    UserAdministrationService administration;

    @Inject
    ScimRepository scim;

    @Inject
    UserRepository users;

    @Inject
    ScimRepresentations representations;

    @Inject
    ScimAccess access;

    @Inject
    FieldDigest digest;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ScimList list(Caller caller, String filter, Integer startIndex, Integer count) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, null);
        ScimFilter parsed = filter == null || filter.isBlank() ? null
                : ScimFilter.parse(filter, ScimRepresentations.USER_FILTERS);
        Map<Long, ScimUserRecord> records = new HashMap<>();
        scim.allRecords().forEach(record -> records.put(record.getUserId(), record));
        Map<Long, List<ScimGroup>> groups = new HashMap<>();
        for (ScimGroup group : scim.allGroups()) {
            group.getMembers().forEach(member -> groups.computeIfAbsent(member, id -> new ArrayList<>()).add(group));
        }
        List<User> candidates = parsed == null ? scim.allUsers() : parsed.equalityOn("userName")
                .map(name -> users.findByUsername(name.trim().toLowerCase(java.util.Locale.ROOT)).stream().toList())
                .orElseGet(scim::allUsers);
        List<ScimResource> matching = new ArrayList<>();
        for (User user : candidates) {
            ScimUserRecord record = records.get(user.getId());
            if (record != null && record.isDeleted()) {
                continue;
            }
            ScimResource resource = representations.user(user, record, groups.getOrDefault(user.getId(), List.of()));
            if (parsed == null || parsed.matches(resource.body())) {
                matching.add(resource);
            }
        }
        ScimList page = ScimPages.page(matching, startIndex, count);
        audit.record(caller, AuditActions.USER_LIST, AuditActions.USER, null,
                List.of("via=scim", "shown=" + page.resources().size()), AuditOutcome.SUCCESS);
        return page;
    }

    @Override
    public ScimResource get(Caller caller, String id) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, id);
        User user = visible(id, false);
        audit.record(caller, AuditActions.USER_READ, AuditActions.USER, user.getUsername(), List.of("via=scim"),
                AuditOutcome.SUCCESS);
        return representations.user(user);
    }

    @Override
    public ScimResource create(Caller caller, JsonObject body) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, null);
        ScimUserInput input = ScimUserInput.from(body);
        User existing = users.findByUsername(input.userName()).orElse(null);
        if (existing != null) {
            boolean deleted = scim.findRecord(existing.getId()).filter(ScimUserRecord::isDeleted).isPresent();
            throw new ScimException(409, "uniqueness", "userName " + input.userName() + " is taken"
                    + (deleted ? " by a user deleted by SCIM earlier (disabled here, kept for the audit trail)" : ""));
        }
        administration.create(caller, new NewUser(input.userName(), input.displayName(), input.email(), List.of(),
                List.of(), input.timeZone(), input.locale(), input.active()));
        User user = users.findByUsername(input.userName()).orElseThrow();
        ScimUserRecord record = new ScimUserRecord(user.getId(), clock.instant());
        scim.store(record);
        storeAttributes(caller, user, record, input);
        return representations.user(user);
    }

    @Override
    public ScimResource replace(Caller caller, String id, JsonObject body, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, id);
        User user = visible(id, true);
        checkVersion(user, ifMatch);
        return replaceLocked(caller, user, ScimUserInput.from(body));
    }

    @Override
    public ScimResource patch(Caller caller, String id, JsonObject patchOp, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, id);
        User user = visible(id, true);
        ScimResource current = checkVersion(user, ifMatch);
        JsonObject patched = ScimPatch.apply(current.body(), patchOp);
        return replaceLocked(caller, user, ScimUserInput.from(patched));
    }

    @Override
    public void delete(Caller caller, String id, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.USER, id);
        User user = visible(id, true);
        checkVersion(user, ifMatch);
        Instant now = clock.instant();
        if (user.isEnabled()) {
            administration.disable(caller, user.getUsername(), "deprovisioned by the identity provider (SCIM DELETE)");
        }
        List<String> before = new ArrayList<>();
        for (ScimGroup group : scim.groupsOf(user.getId())) {
            before.add(group.getDisplayName());
            group.removeMember(user.getId(), now);
            audit.record(caller, AuditActions.SCIM_GROUP_UPDATE, AuditActions.SCIM_GROUP, group.getId(),
                    List.of("member-=" + user.getUsername(), "why=user deleted"), AuditOutcome.SUCCESS);
        }
        ScimUserRecord record = scim.findRecord(user.getId()).orElseGet(() -> {
            ScimUserRecord created = new ScimUserRecord(user.getId(), now);
            scim.store(created);
            return created;
        });
        record.delete(now);
        audit.record(caller, AuditActions.SCIM_USER_DELETE, AuditActions.USER, user.getUsername(),
                List.of("groups=" + before.size()), AuditOutcome.SUCCESS);
        access.recompute(caller, user.getId(), before);
    }

    private ScimResource replaceLocked(Caller caller, User user, ScimUserInput input) {
        if (!input.userName().equals(user.getUsername())) {
            throw new ScimException(400, "mutability", "userName cannot change here (it is " + user.getUsername()
                    + "): usernames are how the audit trail and tickets name people; create a new user instead");
        }
        Set<String> present = new java.util.HashSet<>(Set.of("displayName", "email"));
        if (input.active() != null) {
            present.add("active");
        }
        if (input.locale() != null) {
            present.add("locale");
        }
        if (input.timeZone() != null) {
            present.add("timeZone");
        }
        boolean changes = !input.displayName().equals(user.getDisplayName())
                || !Objects.equals(input.email(), user.getEmail())
                || input.active() != null && input.active() != user.isEnabled()
                || input.locale() != null && !input.locale().equals(user.getLocale())
                || input.timeZone() != null && !input.timeZone().equals(user.getTimeZone());
        if (changes) {
            // the same rules, audit and effects as PATCH /api/v1/users: active false disables at once
            administration.change(caller, user.getUsername(), new UserChanges(present, input.displayName(),
                    input.email(), null, null, input.timeZone(), input.locale(), input.active()));
        }
        ScimUserRecord record = scim.findRecord(user.getId()).orElseGet(() -> {
            ScimUserRecord created = new ScimUserRecord(user.getId(), clock.instant());
            scim.store(created);
            return created;
        });
        storeAttributes(caller, user, record, input);
        return representations.user(user);
    }

    private void storeAttributes(Caller caller, User user, ScimUserRecord record, ScimUserInput input) {
        String before = attributes(record);
        if (record.set(input.externalId(), input.givenName(), input.familyName(), input.formatted(),
                input.emailType(), clock.instant())) {
            audit.record(caller, AuditActions.SCIM_USER_UPDATE, AuditActions.USER, user.getUsername(),
                    List.of("attributes=" + before + "->" + attributes(record)), AuditOutcome.SUCCESS);
        }
        scim.flush();
    }

    /** The SCIM-only attributes as the trail records them: names as keyed hashes. */
    private String attributes(ScimUserRecord record) {
        return "externalId:" + hashOrNone("scim.externalId", record.getExternalId())
                + "/givenName:" + hashOrNone("user.displayName", record.getGivenName())
                + "/familyName:" + hashOrNone("user.displayName", record.getFamilyName())
                + "/formatted:" + hashOrNone("user.displayName", record.getFormattedName());
    }

    private String hashOrNone(String key, String value) {
        return value == null ? "none" : digest.of(key, value);
    }

    /** The user of a SCIM id, unless there is none or SCIM deleted it (404 either way). */
    private User visible(String id, boolean lock) {
        Long userId = ScimPages.userId(id);
        User user = userId == null ? null : (lock ? scim.lockUser(userId) : scim.findUser(userId)).orElse(null);
        if (user == null || scim.findRecord(user.getId()).filter(ScimUserRecord::isDeleted).isPresent()) {
            throw ScimException.notFound("User", id);
        }
        return user;
    }

    private ScimResource checkVersion(User user, String ifMatch) {
        ScimResource current = representations.user(user);
        if (!ScimJson.ifMatchAllows(ifMatch, current.etag())) {
            throw new ScimException(412, null, "the user changed since the version in If-Match (now "
                    + current.etag() + "); read it again");
        }
        return current;
    }
}
