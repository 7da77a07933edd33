package org.custodian.domain.model.policy;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.user.Role;

/**
 * The classification catalog and the visibility matrix as they stood when read: an immutable snapshot, taken
 * afresh for every request so that a change takes effect at the next one.
 */
public final class FieldPolicy {

    private final Map<String, ClassifiedField> fields;
    private final Map<Role, Map<Classification, Visibility>> matrix;

    public FieldPolicy(Map<String, ClassifiedField> fields, Map<Role, Map<Classification, Visibility>> matrix) {
        this.fields = Map.copyOf(fields);
        Map<Role, Map<Classification, Visibility>> copy = new EnumMap<>(Role.class);
        matrix.forEach((role, row) -> copy.put(role, Map.copyOf(row)));
        this.matrix = copy;
    }

    public static FieldPolicy of(Collection<ClassificationEntry> entries, Collection<VisibilityRule> rules) {
        Map<String, ClassifiedField> fields = new HashMap<>();
        for (ClassificationEntry entry : entries) {
            fields.put(entry.getFieldKey(), new ClassifiedField(entry.getClassification(), entry.getMaskStyle()));
        }
        Map<Role, Map<Classification, Visibility>> matrix = new EnumMap<>(Role.class);
        for (VisibilityRule rule : rules) {
            matrix.computeIfAbsent(rule.getRole(), role -> new EnumMap<>(Classification.class))
                    .put(rule.getClassification(), rule.getVisibility());
        }
        return new FieldPolicy(fields, matrix);
    }

    /** A field missing from the catalog is treated as RESTRICTED: new fields are protected until classified. */
    public ClassifiedField field(String entity, String field) {
        return fields.getOrDefault(entity + "." + field, ClassifiedField.UNCLASSIFIED);
    }

    /** The widest view any of the roles has; a role or cell missing from the matrix sees nothing. */
    public Visibility visibility(Set<Role> roles, Classification classification) {
        Visibility widest = Visibility.HIDDEN;
        for (Role role : roles) {
            Visibility cell = matrix.getOrDefault(role, Map.of()).getOrDefault(classification, Visibility.HIDDEN);
            widest = Visibility.widest(widest, cell);
        }
        return widest;
    }

    /** Whether any of the roles may reveal anything (#23): only then are their reveal grants worth reading. */
    public boolean anyRevealable(Set<Role> roles) {
        for (Classification classification : Classification.values()) {
            if (visibility(roles, classification) == Visibility.REVEALABLE) {
                return true;
            }
        }
        return false;
    }

    /** The classified fields of one entity, as {@code entity.field} keys, sorted. */
    public java.util.List<String> fieldsOf(String entity) {
        return fields.keySet().stream().filter(key -> key.startsWith(entity + ".")).sorted().toList();
    }

    /** What a field is and how it is masked. */
    public record ClassifiedField(Classification classification, MaskStyle maskStyle) {
        static final ClassifiedField UNCLASSIFIED = new ClassifiedField(Classification.RESTRICTED, MaskStyle.NONE);
    }
}
