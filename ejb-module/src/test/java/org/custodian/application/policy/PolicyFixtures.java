package org.custodian.application.policy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.FieldPolicy.ClassifiedField;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;

/** The default catalog and matrix of V2__policy.sql, callers, and entities with ids, for policy tests. */
final class PolicyFixtures {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private PolicyFixtures() {
    }

    /** The catalog as V2__policy.sql seeds it. */
    static Map<String, ClassifiedField> defaultCatalog() {
        Map<String, ClassifiedField> fields = new HashMap<>();
        put(fields, "customer.externalId", Classification.INTERNAL, MaskStyle.NONE);
        put(fields, "customer.name", Classification.CONFIDENTIAL, MaskStyle.NAME);
        put(fields, "customer.email", Classification.CONFIDENTIAL, MaskStyle.EMAIL);
        put(fields, "customer.phone", Classification.CONFIDENTIAL, MaskStyle.PHONE);
        put(fields, "customer.nationalId", Classification.RESTRICTED, MaskStyle.IDENTIFIER);
        put(fields, "customer.region", Classification.INTERNAL, MaskStyle.NONE);
        put(fields, "customer.createdAt", Classification.INTERNAL, MaskStyle.NONE);
        put(fields, "ticket.subject", Classification.CONFIDENTIAL, MaskStyle.FREE_TEXT);
        put(fields, "ticket.description", Classification.CONFIDENTIAL, MaskStyle.FREE_TEXT);
        for (String internal : List.of("status", "priority", "category", "productSku", "siteCode", "region",
                "assignee", "customerId", "createdAt", "updatedAt", "resolvedAt")) {
            put(fields, "ticket." + internal, Classification.INTERNAL, MaskStyle.NONE);
        }
        put(fields, "comment.body", Classification.CONFIDENTIAL, MaskStyle.FREE_TEXT);
        put(fields, "comment.visibility", Classification.INTERNAL, MaskStyle.NONE);
        put(fields, "comment.author", Classification.INTERNAL, MaskStyle.NONE);
        put(fields, "comment.createdAt", Classification.INTERNAL, MaskStyle.NONE);
        return fields;
    }

    /** The matrix as V2__policy.sql and V34__user_admin_role.sql seed it (PUBLIC and INTERNAL FULL for every role). */
    static Map<Role, Map<Classification, Visibility>> defaultMatrix() {
        Map<Role, Map<Classification, Visibility>> matrix = new EnumMap<>(Role.class);
        row(matrix, Role.AGENT, Visibility.MASKED, Visibility.HIDDEN);
        row(matrix, Role.ENGINEER, Visibility.MASKED, Visibility.HIDDEN);
        row(matrix, Role.SUPERVISOR, Visibility.FULL, Visibility.MASKED);
        row(matrix, Role.CONTRACTOR, Visibility.MASKED, Visibility.HIDDEN);
        row(matrix, Role.OPERATOR, Visibility.HIDDEN, Visibility.HIDDEN);
        row(matrix, Role.PRIVACY_OFFICER, Visibility.FULL, Visibility.FULL);
        row(matrix, Role.AUDITOR, Visibility.HIDDEN, Visibility.HIDDEN);
        row(matrix, Role.USER_ADMIN, Visibility.HIDDEN, Visibility.HIDDEN);
        return matrix;
    }

    static FieldPolicy defaultPolicy() {
        return new FieldPolicy(defaultCatalog(), defaultMatrix());
    }

    /** The default policy with one matrix cell changed. */
    static FieldPolicy defaultPolicyWith(Role role, Classification classification, Visibility visibility) {
        Map<Role, Map<Classification, Visibility>> matrix = defaultMatrix();
        matrix.get(role).put(classification, visibility);
        return new FieldPolicy(defaultCatalog(), matrix);
    }

    static Caller caller(String username, Role role, Region... regions) {
        return caller(username, EnumSet.of(role), regions);
    }

    static Caller caller(String username, EnumSet<Role> roles, Region... regions) {
        EnumSet<Region> set = EnumSet.noneOf(Region.class);
        set.addAll(List.of(regions));
        return new Caller(username, roles, set, "req-1", "127.0.0.1");
    }

    static AccessContext context(Caller caller, Instant now, List<TransferRule> rules, List<AccessGrant> grants,
            List<AccessOverride> overrides) {
        return context(caller, defaultPolicy(), now, rules, grants, overrides);
    }

    static AccessContext context(Caller caller, FieldPolicy policy, Instant now, List<TransferRule> rules,
            List<AccessGrant> grants, List<AccessOverride> overrides) {
        return new AccessContext(caller, policy, now, rules, grants, overrides, DefaultPolicyService.GRANTED_TO);
    }

    static AccessContext context(Caller caller) {
        return context(caller, NOW, List.of(), List.of(), List.of());
    }

    /** Sets the generated id the database would have assigned. */
    static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Classification, Visibility> visibilities(Visibility publicView, Visibility internal,
            Visibility confidential, Visibility restricted) {
        Map<Classification, Visibility> map = new EnumMap<>(Classification.class);
        map.put(Classification.PUBLIC, publicView);
        map.put(Classification.INTERNAL, internal);
        map.put(Classification.CONFIDENTIAL, confidential);
        map.put(Classification.RESTRICTED, restricted);
        return map;
    }

    private static void put(Map<String, ClassifiedField> fields, String key, Classification classification,
            MaskStyle style) {
        fields.put(key, new ClassifiedField(classification, style));
    }

    private static void row(Map<Role, Map<Classification, Visibility>> matrix, Role role, Visibility confidential,
            Visibility restricted) {
        Map<Classification, Visibility> row = new EnumMap<>(Classification.class);
        row.put(Classification.PUBLIC, Visibility.FULL);
        row.put(Classification.INTERNAL, Visibility.FULL);
        row.put(Classification.CONFIDENTIAL, confidential);
        row.put(Classification.RESTRICTED, restricted);
        matrix.put(role, row);
    }
}
