package org.custodian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.policy.FieldPolicy.ClassifiedField;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class FieldPolicyTest {

    private static FieldPolicy policy() {
        Map<String, ClassifiedField> fields = Map.of(
                "customer.email", new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.EMAIL),
                "customer.region", new ClassifiedField(Classification.INTERNAL, MaskStyle.NONE),
                "customer.nationalId", new ClassifiedField(Classification.RESTRICTED, MaskStyle.IDENTIFIER));
        Map<Role, Map<Classification, Visibility>> matrix = new EnumMap<>(Role.class);
        matrix.put(Role.AGENT, Map.of(
                Classification.PUBLIC, Visibility.FULL,
                Classification.INTERNAL, Visibility.FULL,
                Classification.CONFIDENTIAL, Visibility.MASKED,
                Classification.RESTRICTED, Visibility.HIDDEN));
        matrix.put(Role.SUPERVISOR, Map.of(
                Classification.PUBLIC, Visibility.FULL,
                Classification.INTERNAL, Visibility.FULL,
                Classification.CONFIDENTIAL, Visibility.FULL,
                Classification.RESTRICTED, Visibility.MASKED));
        // an incomplete row: only PUBLIC is set
        matrix.put(Role.OPERATOR, Map.of(Classification.PUBLIC, Visibility.FULL));
        return new FieldPolicy(fields, matrix);
    }

    @Test
    void knownFieldHasItsClassificationAndMaskStyle() {
        assertEquals(new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.EMAIL),
                policy().field("customer", "email"));
        assertEquals(new ClassifiedField(Classification.INTERNAL, MaskStyle.NONE), policy().field("customer", "region"));
    }

    @Test
    void unknownFieldIsRestrictedWithoutPartialForm() {
        ClassifiedField unknown = policy().field("customer", "shoeSize");
        assertEquals(Classification.RESTRICTED, unknown.classification());
        assertEquals(MaskStyle.NONE, unknown.maskStyle());
    }

    @Test
    void fieldsAreKeyedByEntityAsWellAsName() {
        // "email" is classified for customers only
        assertEquals(new ClassifiedField(Classification.RESTRICTED, MaskStyle.NONE), policy().field("ticket", "email"));
    }

    @Test
    void singleRoleGetsItsMatrixCell() {
        FieldPolicy policy = policy();
        assertEquals(Visibility.MASKED, policy.visibility(Set.of(Role.AGENT), Classification.CONFIDENTIAL));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.AGENT), Classification.RESTRICTED));
        assertEquals(Visibility.FULL, policy.visibility(Set.of(Role.AGENT), Classification.INTERNAL));
        assertEquals(Visibility.MASKED, policy.visibility(Set.of(Role.SUPERVISOR), Classification.RESTRICTED));
    }

    @Test
    void severalRolesGetTheWidestView() {
        FieldPolicy policy = policy();
        Set<Role> both = EnumSet.of(Role.AGENT, Role.SUPERVISOR);
        assertEquals(Visibility.FULL, policy.visibility(both, Classification.CONFIDENTIAL));
        assertEquals(Visibility.MASKED, policy.visibility(both, Classification.RESTRICTED));
        // a role with nothing in the matrix does not narrow another role's view
        assertEquals(Visibility.MASKED,
                policy.visibility(EnumSet.of(Role.AGENT, Role.AUDITOR), Classification.CONFIDENTIAL));
    }

    @Test
    void missingRoleOrCellSeesNothing() {
        FieldPolicy policy = policy();
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.AUDITOR), Classification.PUBLIC));
        assertEquals(Visibility.FULL, policy.visibility(Set.of(Role.OPERATOR), Classification.PUBLIC));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.OPERATOR), Classification.INTERNAL));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(), Classification.PUBLIC));
    }

    @Test
    void snapshotIsNotChangedByLaterChangesToItsSources() {
        Map<String, ClassifiedField> fields = new HashMap<>();
        fields.put("customer.email", new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.EMAIL));
        Map<Classification, Visibility> row = new EnumMap<>(Classification.class);
        row.put(Classification.CONFIDENTIAL, Visibility.MASKED);
        Map<Role, Map<Classification, Visibility>> matrix = new EnumMap<>(Role.class);
        matrix.put(Role.AGENT, row);
        FieldPolicy policy = new FieldPolicy(fields, matrix);

        fields.put("customer.email", new ClassifiedField(Classification.PUBLIC, MaskStyle.NONE));
        row.put(Classification.CONFIDENTIAL, Visibility.FULL);
        matrix.put(Role.AUDITOR, Map.of(Classification.CONFIDENTIAL, Visibility.FULL));

        assertEquals(Classification.CONFIDENTIAL, policy.field("customer", "email").classification());
        assertEquals(Visibility.MASKED, policy.visibility(Set.of(Role.AGENT), Classification.CONFIDENTIAL));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.AUDITOR), Classification.CONFIDENTIAL));
    }

    @Test
    void ofBuildsTheSnapshotFromCatalogAndMatrixRows() {
        FieldPolicy policy = FieldPolicy.of(
                List.of(PolicyEntities.entry("customer.phone", Classification.CONFIDENTIAL, MaskStyle.PHONE, 1),
                        PolicyEntities.entry("ticket.status", Classification.INTERNAL, MaskStyle.NONE, 3)),
                List.of(PolicyEntities.rule(Role.AGENT, Classification.CONFIDENTIAL, Visibility.MASKED, 1),
                        PolicyEntities.rule(Role.AGENT, Classification.INTERNAL, Visibility.FULL, 1),
                        PolicyEntities.rule(Role.ENGINEER, Classification.CONFIDENTIAL, Visibility.HIDDEN, 2)));

        assertEquals(new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.PHONE), policy.field("customer", "phone"));
        assertEquals(new ClassifiedField(Classification.INTERNAL, MaskStyle.NONE), policy.field("ticket", "status"));
        assertEquals(Classification.RESTRICTED, policy.field("ticket", "subject").classification());
        assertEquals(Visibility.MASKED, policy.visibility(Set.of(Role.AGENT), Classification.CONFIDENTIAL));
        assertEquals(Visibility.FULL, policy.visibility(Set.of(Role.AGENT), Classification.INTERNAL));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.AGENT), Classification.RESTRICTED));
        assertEquals(Visibility.HIDDEN, policy.visibility(Set.of(Role.ENGINEER), Classification.CONFIDENTIAL));
        assertEquals(Visibility.MASKED,
                policy.visibility(EnumSet.of(Role.ENGINEER, Role.AGENT), Classification.CONFIDENTIAL));
    }
}
