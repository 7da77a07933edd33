package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.pii.PiiRescanRepository;
import org.custodian.domain.model.ticket.Ticket;

@ApplicationScoped
public class JpaPiiRescanRepository implements PiiRescanRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<Long> ticketsAfter(long afterId, int limit) {
        return ids("SELECT t.id FROM Ticket t WHERE t.id > :after AND t.anonymizedAt IS NULL ORDER BY t.id",
                afterId, limit);
    }

    @Override
    public List<Long> commentsAfter(long afterId, int limit) {
        return ids("SELECT c.id FROM Comment c WHERE c.id > :after AND c.ticket.anonymizedAt IS NULL ORDER BY c.id",
                afterId, limit);
    }

    @Override
    public List<Long> textAttachmentsAfter(long afterId, int limit) {
        return ids("SELECT a.id FROM Attachment a WHERE a.id > :after AND a.piiSummary IS NOT NULL ORDER BY a.id",
                afterId, limit);
    }

    @Override
    public List<Ticket> tickets(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT t FROM Ticket t WHERE t.id IN :ids ORDER BY t.id", Ticket.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
    }

    @Override
    public List<Attachment> attachments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT a FROM Attachment a WHERE a.id IN :ids ORDER BY a.id",
                Attachment.class).setParameter("ids", List.copyOf(ids)).getResultList();
    }

    private List<Long> ids(String query, long afterId, int limit) {
        return entityManager.createQuery(query, Long.class).setParameter("after", afterId).setMaxResults(limit)
                .getResultList();
    }
}
