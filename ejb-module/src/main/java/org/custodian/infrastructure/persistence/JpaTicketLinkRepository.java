package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.ticket.TicketLink;
import org.custodian.domain.model.ticket.TicketLinkKind;
import org.custodian.domain.model.ticket.TicketLinkRepository;

@ApplicationScoped
public class JpaTicketLinkRepository implements TicketLinkRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<TicketLink> linksOf(long ticketId) {
        return entityManager.createQuery("SELECT l FROM TicketLink l WHERE l.fromTicket = :id OR l.toTicket = :id"
                + " ORDER BY l.createdAt, l.id", TicketLink.class).setParameter("id", ticketId).getResultList();
    }

    @Override
    public Optional<TicketLink> find(long ticketId, long otherId, TicketLinkKind kind) {
        return entityManager.createQuery("SELECT l FROM TicketLink l WHERE l.kind = :kind AND ((l.fromTicket = :a"
                        + " AND l.toTicket = :b) OR (l.fromTicket = :b AND l.toTicket = :a))", TicketLink.class)
                .setParameter("kind", kind).setParameter("a", ticketId).setParameter("b", otherId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Long> duplicatesOf(long survivorId) {
        return entityManager.createQuery("SELECT l.fromTicket FROM TicketLink l WHERE l.toTicket = :id"
                        + " AND l.kind = :kind ORDER BY l.id", Long.class)
                .setParameter("id", survivorId).setParameter("kind", TicketLinkKind.DUPLICATE).getResultList();
    }

    @Override
    public void store(TicketLink link) {
        entityManager.persist(link);
    }

    @Override
    public void remove(TicketLink link) {
        entityManager.remove(link);
    }
}
