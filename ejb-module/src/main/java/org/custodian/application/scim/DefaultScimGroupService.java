package org.custodian.application.scim;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.scim.ScimGroup;
import org.custodian.domain.model.scim.ScimRepository;
import org.custodian.domain.model.scim.ScimUserRecord;
import org.custodian.domain.model.user.User;

@Stateless
public class DefaultScimGroupService implements ScimGroupService {

    static final int MAX_DISPLAY_NAME = 200;

    @EJB
    PolicyService policy;

    @EJB
    AuditService audit;

    @Inject
    ScimRepository scim;

    @Inject
    ScimRepresentations representations;

    @Inject
    ScimAccess access;

    private final Clock clock = Clock.systemUTC();

    /** A group body in our terms: members as user ids (each an existing user SCIM has not deleted). */
    record GroupInput(String displayName, String externalId, Set<Long> members) {
    }

    @Override
    public ScimList list(Caller caller, String filter, Integer startIndex, Integer count) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, null);
        ScimFilter parsed = filter == null || filter.isBlank() ? null
                : ScimFilter.parse(filter, ScimRepresentations.GROUP_FILTERS);
        Map<Long, String> names = new HashMap<>();
        scim.allUsers().forEach(user -> names.put(user.getId(), user.getUsername()));
        List<ScimResource> matching = new ArrayList<>();
        for (ScimGroup group : scim.allGroups()) {
            ScimResource resource = representations.group(group, names::get);
            if (parsed == null || parsed.matches(resource.body())) {
                matching.add(resource);
            }
        }
        return ScimPages.page(matching, startIndex, count);
    }

    @Override
    public ScimResource get(Caller caller, String id) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, id);
        return representations.group(scim.findGroup(id).orElseThrow(() -> ScimException.notFound("Group", id)));
    }

    @Override
    public ScimResource create(Caller caller, JsonObject body) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, null);
        GroupInput input = input(body);
        if (scim.findGroupByName(input.displayName()).isPresent()) {
            throw new ScimException(409, "uniqueness", "a group named " + input.displayName() + " exists");
        }
        Map<Long, List<String>> before = groupsBefore(input.members());
        Instant now = clock.instant();
        ScimGroup group = new ScimGroup(input.displayName(), input.externalId(), now);
        group.replace(input.displayName(), input.externalId(), input.members(), now);
        scim.store(group);
        scim.flush();
        audit.record(caller, AuditActions.SCIM_GROUP_CREATE, AuditActions.SCIM_GROUP, group.getId(),
                fields(null, group.getDisplayName(), Set.of(), input.members()), AuditOutcome.SUCCESS);
        before.forEach((member, names) -> access.recompute(caller, member, names));
        return representations.group(group);
    }

    @Override
    public ScimResource replace(Caller caller, String id, JsonObject body, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, id);
        ScimGroup group = locked(id, ifMatch);
        return replaceLocked(caller, group, input(body));
    }

    @Override
    public ScimResource patch(Caller caller, String id, JsonObject patchOp, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, id);
        ScimGroup group = locked(id, ifMatch);
        JsonObject patched = ScimPatch.apply(representations.group(group).body(), patchOp);
        return replaceLocked(caller, group, input(patched));
    }

    @Override
    public void delete(Caller caller, String id, String ifMatch) {
        policy.enforce(caller, Permission.SCIM_PROVISION, AuditActions.SCIM_GROUP, id);
        ScimGroup group = locked(id, ifMatch);
        Map<Long, List<String>> before = groupsBefore(group.getMembers());
        List<String> fields = fields(group.getDisplayName(), null, group.getMembers(), Set.of());
        scim.remove(group);
        scim.flush();
        audit.record(caller, AuditActions.SCIM_GROUP_DELETE, AuditActions.SCIM_GROUP, id, fields,
                AuditOutcome.SUCCESS);
        before.forEach((member, names) -> access.recompute(caller, member, names));
    }

    private ScimResource replaceLocked(Caller caller, ScimGroup group, GroupInput input) {
        if (!input.displayName().equalsIgnoreCase(group.getDisplayName())
                && scim.findGroupByName(input.displayName()).isPresent()) {
            throw new ScimException(409, "uniqueness", "a group named " + input.displayName() + " exists");
        }
        Set<Long> oldMembers = group.getMembers();
        boolean renamed = !input.displayName().equals(group.getDisplayName());
        Set<Long> affected = new TreeSet<>();
        for (Long member : oldMembers) {
            if (renamed || !input.members().contains(member)) {
                affected.add(member);
            }
        }
        for (Long member : input.members()) {
            if (renamed || !oldMembers.contains(member)) {
                affected.add(member);
            }
        }
        Map<Long, List<String>> before = groupsBefore(affected);
        String oldName = group.getDisplayName();
        if (group.replace(input.displayName(), input.externalId(), input.members(), clock.instant())) {
            scim.flush();
            audit.record(caller, AuditActions.SCIM_GROUP_UPDATE, AuditActions.SCIM_GROUP, group.getId(),
                    fields(oldName, group.getDisplayName(), oldMembers, input.members()), AuditOutcome.SUCCESS);
            before.forEach((member, names) -> access.recompute(caller, member, names));
        }
        return representations.group(group);
    }

    private ScimGroup locked(String id, String ifMatch) {
        ScimGroup group = scim.lockGroup(id).orElseThrow(() -> ScimException.notFound("Group", id));
        ScimResource current = representations.group(group);
        if (!ScimJson.ifMatchAllows(ifMatch, current.etag())) {
            throw new ScimException(412, null, "the group changed since the version in If-Match (now "
                    + current.etag() + "); read it again");
        }
        return group;
    }

    /** The names of each user's groups now, before the change (what their access was computed from). */
    private Map<Long, List<String>> groupsBefore(Set<Long> members) {
        Map<Long, List<String>> before = new LinkedHashMap<>();
        for (Long member : new TreeSet<>(members)) {
            before.put(member, scim.groupsOf(member).stream().map(ScimGroup::getDisplayName).toList());
        }
        return before;
    }

    /** displayName and members before and after, members by username ({@code member+=jane}). */
    private List<String> fields(String oldName, String newName, Set<Long> oldMembers, Set<Long> newMembers) {
        List<String> fields = new ArrayList<>();
        if (oldName == null || newName == null || !oldName.equals(newName)) {
            fields.add("displayName=" + (oldName == null ? "none" : oldName) + "->" + (newName == null ? "none"
                    : newName));
        }
        new TreeSet<>(newMembers).stream().filter(member -> !oldMembers.contains(member))
                .forEach(member -> fields.add("member+=" + username(member)));
        new TreeSet<>(oldMembers).stream().filter(member -> !newMembers.contains(member))
                .forEach(member -> fields.add("member-=" + username(member)));
        fields.add("members=" + oldMembers.size() + "->" + newMembers.size());
        return fields;
    }

    private String username(long id) {
        return scim.findUser(id).map(User::getUsername).orElse(String.valueOf(id));
    }

    private GroupInput input(JsonObject body) {
        String name = ScimJson.text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("'displayName' is required");
        }
        if (name.trim().length() > MAX_DISPLAY_NAME) {
            throw ScimException.invalidValue("'displayName' is longer than " + MAX_DISPLAY_NAME + " characters");
        }
        String externalId = ScimJson.text(body, "externalId");
        Set<Long> members = new TreeSet<>();
        JsonValue list = ScimJson.get(body, "members");
        if (list instanceof JsonArray array) {
            for (JsonValue item : array) {
                String value = item instanceof JsonObject member ? ScimJson.text(member, "value") : null;
                Long id = ScimPages.userId(value);
                User user = id == null ? null : scim.findUser(id).orElse(null);
                if (user == null || scim.findRecord(id).filter(ScimUserRecord::isDeleted).isPresent()) {
                    throw ScimException.invalidValue("member " + value + " is not a user here (members are"
                            + " [{\"value\": \"<User id>\"}])");
                }
                members.add(id);
            }
        } else if (list != null && list.getValueType() != JsonValue.ValueType.NULL) {
            throw ScimException.invalidValue("'members' must be an array");
        }
        return new GroupInput(name.trim(), externalId == null || externalId.isBlank() ? null : externalId.trim(),
                members);
    }
}
