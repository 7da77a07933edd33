package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.catalog.CatalogEntry;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.catalog.CatalogRepository;

@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<CatalogEntry> find(CatalogKind kind, String code) {
        return entityManager.createNamedQuery("CatalogEntry.find", CatalogEntry.class).setParameter("kind", kind)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public List<CatalogEntry> list(CatalogKind kind, boolean includeRetired) {
        return entityManager.createNamedQuery(includeRetired ? "CatalogEntry.listAll" : "CatalogEntry.listActive",
                CatalogEntry.class).setParameter("kind", kind).getResultList();
    }

    @Override
    public void store(CatalogEntry entry) {
        entityManager.persist(entry);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }
}
