package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.privacy.Dpia;
import org.custodian.domain.model.privacy.DpiaRepository;
import org.custodian.domain.model.privacy.DpiaVersion;

@ApplicationScoped
public class JpaDpiaRepository implements DpiaRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(Dpia dpia) {
        entityManager.persist(dpia);
        entityManager.flush();
    }

    @Override
    public void store(DpiaVersion version) {
        entityManager.persist(version);
        entityManager.flush();
    }

    @Override
    public Optional<Dpia> find(long id) {
        return Optional.ofNullable(entityManager.find(Dpia.class, id));
    }

    @Override
    public Optional<Dpia> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(Dpia.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<DpiaVersion> currentVersions() {
        return entityManager.createNamedQuery("DpiaVersion.current", DpiaVersion.class).getResultList();
    }

    @Override
    public List<DpiaVersion> versions(long dpiaId) {
        return entityManager.createNamedQuery("DpiaVersion.ofDpia", DpiaVersion.class)
                .setParameter("dpiaId", dpiaId).getResultList();
    }

    @Override
    public Optional<DpiaVersion> version(long dpiaId, long version) {
        return entityManager.createNamedQuery("DpiaVersion.one", DpiaVersion.class).setParameter("dpiaId", dpiaId)
                .setParameter("version", version).getResultStream().findFirst();
    }
}
