package org.custodian.application.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.ClassificationEntry;
import org.custodian.domain.model.policy.PolicyChange;
import org.custodian.domain.model.policy.PolicyRepository;
import org.custodian.domain.model.policy.VersionedSetting;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.policy.VisibilityRule;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultPolicyCatalogService implements PolicyCatalogService {

    static final int REASON_MIN = 10;
    static final int REASON_MAX = 1000;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private PolicyRepository policies;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<ClassificationView> classifications(Caller caller) {
        policy.enforce(caller, Permission.POLICY_READ, AuditActions.POLICY, "classifications");
        return policies.classifications().stream().map(ClassificationView::of).toList();
    }

    @Override
    public ClassificationView classification(Caller caller, String fieldKey) {
        policy.enforce(caller, Permission.POLICY_READ, AuditActions.POLICY, "classifications");
        return policies.classifications().stream().filter(entry -> entry.getFieldKey().equals(fieldKey))
                .findFirst().map(ClassificationView::of)
                .orElseThrow(() -> unknownField(fieldKey));
    }

    @Override
    public ClassificationView reclassify(Caller caller, String fieldKey, String classification, String reason,
            Long expectedVersion) {
        policy.enforce(caller, Permission.POLICY_MANAGE, AuditActions.POLICY, "classification/" + fieldKey);
        RuleCheck check = new RuleCheck();
        Classification target = Inputs.enumValue(Classification.class, classification, "classification", true, check);
        check.requireText(reason, "reason", REASON_MIN, REASON_MAX);
        check.throwIfAny();
        ClassificationEntry entry = policies.classificationForUpdate(fieldKey).orElseThrow(() -> unknownField(fieldKey));
        requireVersion(entry, expectedVersion, "classification " + fieldKey);
        Classification before = entry.getClassification();
        record(caller, AuditActions.CLASSIFICATION_CHANGE, fieldKey, before, target,
                entry.reclassify(target, reason.trim(), caller.username(), clock.instant()));
        return ClassificationView.of(entry);
    }

    @Override
    public List<VisibilityCellView> matrix(Caller caller) {
        policy.enforce(caller, Permission.POLICY_READ, AuditActions.POLICY, "matrix");
        return policies.visibilityRules().stream()
                .sorted(Comparator.comparing(VisibilityRule::getRole).thenComparing(VisibilityRule::getClassification))
                .map(VisibilityCellView::of).toList();
    }

    @Override
    public VisibilityCellView changeVisibility(Caller caller, String role, String classification, String visibility,
            String reason, Long expectedVersion) {
        policy.enforce(caller, Permission.POLICY_MANAGE, AuditActions.POLICY, "matrix/" + role + "/" + classification);
        RuleCheck check = new RuleCheck();
        Role targetRole = Inputs.enumValue(Role.class, role, "role", true, check);
        Classification targetClassification =
                Inputs.enumValue(Classification.class, classification, "classification", true, check);
        Visibility target = Inputs.enumValue(Visibility.class, visibility, "visibility", true, check);
        check.requireText(reason, "reason", REASON_MIN, REASON_MAX);
        check.throwIfAny();
        String key = VisibilityRule.keyOf(targetRole, targetClassification);
        VisibilityRule rule = policies.visibilityRuleForUpdate(key)
                .orElseThrow(() -> new ResourceNotFoundException("matrix cell", key));
        requireVersion(rule, expectedVersion, "matrix cell " + key);
        Visibility before = rule.getVisibility();
        record(caller, AuditActions.VISIBILITY_CHANGE, key, before, target,
                rule.change(target, reason.trim(), caller.username(), clock.instant()));
        return VisibilityCellView.of(rule);
    }

    /** Optimistic check of a PUT: the caller names the version it saw (optional). */
    private static void requireVersion(VersionedSetting setting, Long expectedVersion, String what) {
        StaleVersionException.check(what, expectedVersion, setting.getVersion());
    }

    /** Stores and audits a change; a null change (the value was already set) leaves no trace. */
    private void record(Caller caller, String action, String key, Enum<?> before, Enum<?> after, PolicyChange change) {
        if (change != null) {
            policies.store(change);
            audit.record(caller, action, AuditActions.POLICY, key,
                    List.of("from=" + before, "to=" + after, "version=" + change.getVersion()), AuditOutcome.SUCCESS);
        }
    }

    @Override
    public List<PolicyChangeView> history(Caller caller, int limit) {
        policy.enforce(caller, Permission.POLICY_READ, AuditActions.POLICY, "history");
        List<PolicyChange> changes = new ArrayList<>(policies.changes(PolicyChange.Kind.CLASSIFICATION, limit));
        changes.addAll(policies.changes(PolicyChange.Kind.VISIBILITY, limit));
        changes.sort(Comparator.comparing(PolicyChange::getChangedAt).thenComparing(PolicyChange::getId).reversed());
        return changes.stream().limit(limit).map(PolicyChangeView::of).toList();
    }

    private static ResourceNotFoundException unknownField(String fieldKey) {
        return new ResourceNotFoundException("classified field", fieldKey);
    }
}
