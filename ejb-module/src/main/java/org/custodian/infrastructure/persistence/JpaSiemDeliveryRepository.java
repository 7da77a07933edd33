package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.custodian.domain.model.audit.SiemDelivery;
import org.custodian.domain.model.audit.SiemDeliveryRepository;

@ApplicationScoped
public class JpaSiemDeliveryRepository implements SiemDeliveryRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public SiemDelivery lock(String sink) {
        SiemDelivery delivery = entityManager.find(SiemDelivery.class, sink, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            delivery = new SiemDelivery(sink);
            entityManager.persist(delivery);
            entityManager.flush();
        }
        return delivery;
    }

    @Override
    public Optional<SiemDelivery> find(String sink) {
        return Optional.ofNullable(entityManager.find(SiemDelivery.class, sink));
    }
}
