package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.privacy.ProcessingStatistics;

@ApplicationScoped
public class JpaProcessingStatistics implements ProcessingStatistics {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Map<Region, Long> customersByRegion() {
        return byRegion(entityManager.createQuery("select c.region, count(c) from Customer c group by c.region",
                Object[].class).getResultList());
    }

    @Override
    public Map<Region, Long> ticketsByRegion() {
        return byRegion(entityManager.createQuery("select t.region, count(t) from Ticket t group by t.region",
                Object[].class).getResultList());
    }

    @Override
    public long comments() {
        return entityManager.createQuery("select count(c) from Comment c", Long.class).getSingleResult();
    }

    /** Every region, with zero where there is nothing. */
    private static Map<Region, Long> byRegion(List<Object[]> rows) {
        Map<Region, Long> counts = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            counts.put(region, 0L);
        }
        rows.forEach(row -> counts.put((Region) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
