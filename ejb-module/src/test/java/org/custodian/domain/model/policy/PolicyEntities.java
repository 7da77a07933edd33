package org.custodian.domain.model.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import org.custodian.domain.model.user.Role;

/** Builds the policy entities (JPA-only constructors, no setters) for tests, as the database would load them. */
final class PolicyEntities {

    static final Instant MIGRATED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private PolicyEntities() {
    }

    static ClassificationEntry entry(String fieldKey, Classification classification, MaskStyle maskStyle,
            long version) {
        ClassificationEntry entry = instantiate(ClassificationEntry.class);
        int dot = fieldKey.indexOf('.');
        set(entry, "fieldKey", fieldKey);
        set(entry, "entityName", fieldKey.substring(0, dot));
        set(entry, "fieldName", fieldKey.substring(dot + 1));
        set(entry, "classification", classification);
        set(entry, "maskStyle", maskStyle);
        set(entry, "version", version);
        set(entry, "changedAt", MIGRATED_AT);
        set(entry, "changedBy", "system:migration");
        return entry;
    }

    static VisibilityRule rule(Role role, Classification classification, Visibility visibility, long version) {
        VisibilityRule rule = instantiate(VisibilityRule.class);
        set(rule, "ruleKey", VisibilityRule.keyOf(role, classification));
        set(rule, "role", role);
        set(rule, "classification", classification);
        set(rule, "visibility", visibility);
        set(rule, "version", version);
        set(rule, "changedAt", MIGRATED_AT);
        set(rule, "changedBy", "system:migration");
        return rule;
    }

    private static <T> T instantiate(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String name, Object value) {
        // the version fields live in the mapped superclass
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look one class up
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no field " + name + " in " + target.getClass());
    }
}
