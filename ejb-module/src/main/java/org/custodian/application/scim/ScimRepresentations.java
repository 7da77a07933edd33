package org.custodian.application.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.domain.model.scim.ScimGroup;
import org.custodian.domain.model.scim.ScimRepository;
import org.custodian.domain.model.scim.ScimUserRecord;
import org.custodian.domain.model.user.User;

/**
 * Users and groups as SCIM shows them (RFC 7643 4.1, 4.2). The ETag is a hash of everything shown but meta, so it
 * changes with any change an IdP could see; {@code meta.location} is added by the web layer, which knows the URL.
 */
@ApplicationScoped
public class ScimRepresentations {

    /** The attributes users can be filtered on (lower case, see {@link ScimFilter}). */
    static final Set<String> USER_FILTERS = Set.of("id", "username", "externalid", "displayname", "active",
            "emails.value", "emails.type", "name.givenname", "name.familyname", "name.formatted");
    static final Set<String> GROUP_FILTERS = Set.of("id", "displayname", "externalid", "members.value");

    @Inject
    ScimRepository scim;

    public ScimResource user(User user) {
        return user(user, scim.findRecord(user.getId()).orElse(null), scim.groupsOf(user.getId()));
    }

    ScimResource user(User user, ScimUserRecord record, List<ScimGroup> groups) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimJson.USER_SCHEMA))
                .add("id", String.valueOf(user.getId()));
        if (record != null && record.getExternalId() != null) {
            body.add("externalId", record.getExternalId());
        }
        body.add("userName", user.getUsername());
        JsonObjectBuilder name = Json.createObjectBuilder();
        if (record != null) {
            addIf(name, "formatted", record.getFormattedName());
            addIf(name, "familyName", record.getFamilyName());
            addIf(name, "givenName", record.getGivenName());
        }
        JsonObject names = name.build();
        if (!names.isEmpty()) {
            body.add("name", names);
        }
        body.add("displayName", user.getDisplayName());
        if (user.getEmail() != null) {
            body.add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("value", user.getEmail())
                    .add("type", record == null || record.getEmailType() == null ? "work" : record.getEmailType())
                    .add("primary", true)));
        }
        body.add("active", user.isEnabled()).add("locale", user.getLocale()).add("timezone", user.getTimeZone());
        JsonArrayBuilder memberOf = Json.createArrayBuilder();
        groups.stream().sorted(java.util.Comparator.comparing(ScimGroup::getId)).forEach(group -> memberOf.add(
                Json.createObjectBuilder().add("value", group.getId()).add("display", group.getDisplayName())
                        .add("type", "direct")));
        body.add("groups", memberOf);
        // roles are what the groups map to here: shown, not writable (RFC 7643 roles, read-only on this server)
        JsonArrayBuilder roles = Json.createArrayBuilder();
        user.getRoles().stream().map(Enum::name).sorted().forEach(role -> roles.add(Json.createObjectBuilder()
                .add("value", role)));
        body.add("roles", roles);
        Instant changed = latest(user.getCreatedAt(), user.getChangedAt(), record == null ? null
                : record.getChangedAt());
        return withMeta(String.valueOf(user.getId()), body.build(), "User", user.getCreatedAt(), changed);
    }

    public ScimResource group(ScimGroup group) {
        Map<Long, String> names = scim.allUsers().stream().filter(user -> group.getMembers().contains(user.getId()))
                .collect(Collectors.toMap(User::getId, User::getUsername));
        return group(group, names::get);
    }

    ScimResource group(ScimGroup group, Function<Long, String> usernames) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimJson.GROUP_SCHEMA))
                .add("id", group.getId());
        addIf(body, "externalId", group.getExternalId());
        body.add("displayName", group.getDisplayName());
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (Long member : new java.util.TreeSet<>(group.getMembers())) {
            JsonObjectBuilder element = Json.createObjectBuilder().add("value", String.valueOf(member))
                    .add("type", "User");
            addIf(element, "display", usernames.apply(member));
            members.add(element);
        }
        body.add("members", members);
        return withMeta(group.getId(), body.build(), "Group", group.getCreatedAt(), group.getChangedAt());
    }

    private static ScimResource withMeta(String id, JsonObject body, String type, Instant created, Instant changed) {
        String etag = ScimJson.etag(body);
        JsonObject withMeta = Json.createObjectBuilder(body).add("meta", Json.createObjectBuilder()
                .add("resourceType", type).add("created", created.toString())
                .add("lastModified", (changed == null ? created : changed).toString()).add("version", etag))
                .build();
        return new ScimResource(id, withMeta, etag);
    }

    private static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant instant : instants) {
            if (instant != null && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return latest;
    }

    private static void addIf(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
