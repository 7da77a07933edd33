package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.privacy.PrivacyRequestStatus;
import org.custodian.domain.model.privacy.PrivacyRequestType;

/**
 * Native statements in the JPA transaction (after a flush): the moves touch many rows of several tables at once; the
 * shared cache is off and the merge loads no ticket, consent or hold before them, so nothing later sees a stale
 * owner.
 */
@ApplicationScoped
public class JpaCustomerMergeRepository implements CustomerMergeRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Set<Long> withMerged(Collection<Long> customerIds) {
        Set<Long> all = new TreeSet<>(customerIds);
        if (all.isEmpty()) {
            return all;
        }
        // one hop up (a tombstone's survivor), then every tombstone of those: chains are kept one hop long
        all.addAll(longs(entityManager.createQuery("select c.mergedInto from Customer c where c.id in :ids"
                + " and c.mergedInto is not null", Long.class).setParameter("ids", List.copyOf(all)).getResultList()));
        all.addAll(longs(entityManager.createQuery("select c.id from Customer c where c.mergedInto in :ids",
                Long.class).setParameter("ids", List.copyOf(all)).getResultList()));
        return all;
    }

    @Override
    public List<Long> openErasuresOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select distinct r.id from PrivacyRequest r join r.subjectCustomerIds s"
                + " where r.type = :type and r.status not in :closed and s in :ids", Long.class)
                .setParameter("type", PrivacyRequestType.ERASURE)
                .setParameter("closed", List.of(PrivacyRequestStatus.COMPLETED, PrivacyRequestStatus.REJECTED))
                .setParameter("ids", List.copyOf(customerIds)).getResultList();
    }

    @Override
    public Moved move(long duplicateId, long survivorId) {
        entityManager.flush();
        int comments = ((Number) entityManager.createNativeQuery("select count(*) from ticket_comment c join ticket t"
                + " on t.id = c.ticket_id where t.customer_id = ?1").setParameter(1, duplicateId).getSingleResult())
                .intValue();
        int tickets = update("update ticket set customer_id = ?2 where customer_id = ?1", duplicateId, survivorId);
        int requests = update("insert into privacy_request_subject (request_id, customer_id) select s.request_id, ?2"
                + " from privacy_request_subject s where s.customer_id = ?1 and not exists (select 1 from"
                + " privacy_request_subject o where o.request_id = s.request_id and o.customer_id = ?2)", duplicateId,
                survivorId);
        int holds = update("update legal_hold set customer_id = ?2 where scope = 'CUSTOMER' and customer_id = ?1",
                duplicateId, survivorId);
        int tombstones = update("update customer set merged_into = ?2 where merged_into = ?1", duplicateId,
                survivorId);
        return new Moved(tickets, comments, requests, holds, tombstones);
    }

    private int update(String sql, long duplicateId, long survivorId) {
        return entityManager.createNativeQuery(sql).setParameter(1, duplicateId).setParameter(2, survivorId)
                .executeUpdate();
    }

    private static List<Long> longs(List<?> values) {
        List<Long> ids = new ArrayList<>(values.size());
        values.forEach(value -> ids.add(((Number) value).longValue()));
        return ids;
    }
}
