package org.custodian.domain.model.policy;

import java.util.List;
import java.util.Optional;

/** The classification catalog, the visibility matrix and their history. */
public interface PolicyRepository {

    List<ClassificationEntry> classifications();

    /** The entry, locked until the transaction ends so that concurrent changes queue instead of losing one. */
    Optional<ClassificationEntry> classificationForUpdate(String fieldKey);

    List<VisibilityRule> visibilityRules();

    Optional<VisibilityRule> visibilityRuleForUpdate(String ruleKey);

    void store(PolicyChange change);

    /** The most recent changes of one kind, newest first. */
    List<PolicyChange> changes(PolicyChange.Kind kind, int limit);

    /** Both tables in one snapshot. */
    default FieldPolicy snapshot() {
        return FieldPolicy.of(classifications(), visibilityRules());
    }
}
