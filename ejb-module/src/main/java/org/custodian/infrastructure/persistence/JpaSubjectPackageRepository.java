package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.privacy.SubjectPackage;
import org.custodian.domain.model.privacy.SubjectPackageRepository;

@ApplicationScoped
public class JpaSubjectPackageRepository implements SubjectPackageRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(SubjectPackage subjectPackage) {
        entityManager.persist(subjectPackage);
        entityManager.flush();
    }

    @Override
    public Optional<SubjectPackage> find(long id) {
        return Optional.ofNullable(entityManager.find(SubjectPackage.class, id));
    }

    @Override
    public Optional<SubjectPackage> findByTokenForUpdate(String tokenSha256) {
        return entityManager.createNamedQuery("SubjectPackage.byToken", SubjectPackage.class)
                .setParameter("hash", tokenSha256).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst();
    }

    @Override
    public List<SubjectPackage> byRequest(long requestId) {
        return entityManager.createNamedQuery("SubjectPackage.byRequest", SubjectPackage.class)
                .setParameter("requestId", requestId).getResultList();
    }

    @Override
    public List<SubjectPackage> liveOfCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT p FROM SubjectPackage p WHERE p.status <>"
                + " org.custodian.domain.model.privacy.SubjectPackage.Status.EXPIRED AND p.requestId IN (SELECT r.id FROM"
                + " PrivacyRequest r JOIN r.subjectCustomerIds c WHERE c IN :ids)", SubjectPackage.class)
                .setParameter("ids", customerIds).getResultList();
    }

    @Override
    public List<SubjectPackage> expiredBefore(Instant now) {
        return entityManager.createNamedQuery("SubjectPackage.expiredBefore", SubjectPackage.class)
                .setParameter("now", now).getResultList();
    }
}
