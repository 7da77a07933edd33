package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.policy.ClassificationEntry;
import org.custodian.domain.model.policy.PolicyChange;
import org.custodian.domain.model.policy.PolicyRepository;
import org.custodian.domain.model.policy.VisibilityRule;

@ApplicationScoped
public class JpaPolicyRepository implements PolicyRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<ClassificationEntry> classifications() {
        return entityManager.createNamedQuery("ClassificationEntry.findAll", ClassificationEntry.class)
                .getResultList();
    }

    @Override
    public Optional<ClassificationEntry> classificationForUpdate(String fieldKey) {
        return Optional.ofNullable(
                entityManager.find(ClassificationEntry.class, fieldKey, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<VisibilityRule> visibilityRules() {
        return entityManager.createNamedQuery("VisibilityRule.findAll", VisibilityRule.class).getResultList();
    }

    @Override
    public Optional<VisibilityRule> visibilityRuleForUpdate(String ruleKey) {
        return Optional.ofNullable(entityManager.find(VisibilityRule.class, ruleKey, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(PolicyChange change) {
        entityManager.persist(change);
        entityManager.flush();
    }

    @Override
    public List<PolicyChange> changes(PolicyChange.Kind kind, int limit) {
        return entityManager.createNamedQuery("PolicyChange.findByKind", PolicyChange.class)
                .setParameter("kind", kind)
                .setMaxResults(limit)
                .getResultList();
    }
}
