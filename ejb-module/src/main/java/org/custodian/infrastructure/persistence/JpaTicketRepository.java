package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.ticket.TicketSearch;

@ApplicationScoped
public class JpaTicketRepository implements TicketRepository {

    private static final char LIKE_ESCAPE = '\\';

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(entityManager.find(Ticket.class, id));
    }

    @Override
    public void store(Ticket ticket) {
        entityManager.persist(ticket);
    }

    @Override
    public void store(Comment comment) {
        entityManager.persist(comment);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    @Override
    public void lock(Ticket ticket) {
        entityManager.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Comment> commentsOf(long ticketId) {
        return entityManager.createNamedQuery("Comment.findByTicket", Comment.class)
                .setParameter("ticketId", ticketId)
                .getResultList();
    }

    @Override
    public PageOf<Ticket> search(TicketSearch search) {
        if (search.regions().isEmpty()) {
            return new PageOf<>(List.of(), 0);
        }
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();

        CriteriaQuery<Long> countQuery = builder.createQuery(Long.class);
        Root<Ticket> countRoot = countQuery.from(Ticket.class);
        countQuery.select(builder.count(countRoot)).where(conditions(builder, countRoot, search));
        long total = entityManager.createQuery(countQuery).getSingleResult();

        CriteriaQuery<Ticket> pageQuery = builder.createQuery(Ticket.class);
        Root<Ticket> root = pageQuery.from(Ticket.class);
        pageQuery.select(root).where(conditions(builder, root, search))
                .orderBy(builder.desc(root.get("createdAt")), builder.desc(root.get("id")));
        List<Ticket> items = entityManager.createQuery(pageQuery)
                .setFirstResult(search.page() * search.size())
                .setMaxResults(search.size())
                .getResultList();
        return new PageOf<>(items, total);
    }

    private static Predicate[] conditions(CriteriaBuilder builder, Root<Ticket> ticket, TicketSearch search) {
        List<Predicate> conditions = new ArrayList<>();
        conditions.add(ticket.get("region").in(search.regions()));
        if (search.status() != null) {
            conditions.add(builder.equal(ticket.get("status"), search.status()));
        }
        if (search.text() != null && !search.text().isBlank()) {
            String pattern = "%" + escapeLike(search.text().trim().toLowerCase(Locale.ROOT)) + "%";
            conditions.add(builder.or(
                    builder.like(builder.lower(ticket.get("subject")), pattern, LIKE_ESCAPE),
                    builder.like(builder.lower(ticket.get("description")), pattern, LIKE_ESCAPE)));
        }
        return conditions.toArray(new Predicate[0]);
    }

    /** The search text is data, never a pattern: its own % and _ match literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public long count() {
        return entityManager.createQuery("SELECT COUNT(t) FROM Ticket t", Long.class).getSingleResult();
    }
}
