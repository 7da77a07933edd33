package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
    public List<Comment> comments(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT c FROM Comment c JOIN FETCH c.ticket WHERE c.id IN :ids ORDER BY c.id",
                Comment.class).setParameter("ids", commentIds).getResultList();
    }

    @Override
    public List<Ticket> ofCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT t FROM Ticket t WHERE t.customer.id IN :ids ORDER BY t.createdAt, t.id",
                Ticket.class).setParameter("ids", customerIds).getResultList();
    }

    @Override
    public void deleteComments(Collection<Long> commentIds) {
        if (!commentIds.isEmpty()) {
            entityManager.createQuery("DELETE FROM Comment c WHERE c.id IN :ids").setParameter("ids", commentIds)
                    .executeUpdate();
        }
    }

    @Override
    public PageOf<Ticket> search(TicketSearch search) {
        if (search.areas().isEmpty()) {
            return new PageOf<>(List.of(), 0);
        }
        if (search.text() != null && !search.text().isBlank()) {
            return textSearch(search);
        }
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();

        CriteriaQuery<Long> countQuery = builder.createQuery(Long.class);
        Root<Ticket> countRoot = countQuery.from(Ticket.class);
        countQuery.select(builder.count(countRoot)).where(matching(builder, countRoot, search));
        long total = entityManager.createQuery(countQuery).getSingleResult();

        CriteriaQuery<Ticket> pageQuery = builder.createQuery(Ticket.class);
        Root<Ticket> root = pageQuery.from(Ticket.class);
        pageQuery.select(root).where(matching(builder, root, search)).orderBy(switch (search.order()) {
            case OLDEST -> List.of(builder.asc(root.get("createdAt")), builder.asc(root.get("id")));
            case UPDATED -> List.of(builder.desc(root.get("updatedAt")), builder.desc(root.get("id")));
            case NEWEST -> List.of(builder.desc(root.get("createdAt")), builder.desc(root.get("id")));
            // PostgreSQL sorts nulls last ascending: tickets without a running clock come after the due ones
            case DUE -> List.of(builder.asc(root.get("slaDueAt")), builder.asc(root.get("id")));
            case ID_DESCENDING -> List.of(builder.desc(root.get("id")));
            case ID_ASCENDING -> List.of(builder.asc(root.get("id")));
        });
        List<Ticket> items = entityManager.createQuery(pageQuery)
                .setFirstResult(search.page() * search.size())
                .setMaxResults(search.size())
                .getResultList();
        return new PageOf<>(items, total);
    }

    /**
     * A search with a text: one statement gives the total and the page's ids (TicketTextSearchSql), then the page's
     * tickets are read by id in that order. Custom plans for every text: a plan cached for one pattern (after a few
     * runs of the same statement on a connection) would be wrong for a pattern of another selectivity.
     */
    private PageOf<Ticket> textSearch(TicketSearch search) {
        TicketTextSearchSql statement = TicketTextSearchSql.of(search);
        if (statement == null) {
            return new PageOf<>(List.of(), 0); // the caller sees no text anywhere: a text matches nothing
        }
        entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
        Query query = entityManager.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            query.setParameter(i + 1, statement.parameters().get(i));
        }
        long total = 0;
        List<Long> ids = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            total = ((Number) columns[0]).longValue();
            if (columns[1] != null) {
                ids.add(((Number) columns[1]).longValue());
            }
        }
        if (ids.isEmpty()) {
            return new PageOf<>(List.of(), total);
        }
        Map<Long, Ticket> byId = new HashMap<>();
        entityManager.createQuery("SELECT t FROM Ticket t WHERE t.id IN :ids", Ticket.class).setParameter("ids", ids)
                .getResultList().forEach(ticket -> byId.put(ticket.getId(), ticket));
        // a ticket deleted between the two statements (a purge) is left out of the page rather than shown empty
        return new PageOf<>(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), total);
    }

    /** A list without a text: one branch per area, OR-ed; inside an area, filters test only what the caller sees. */
    private static Predicate matching(CriteriaBuilder builder, Root<Ticket> ticket, TicketSearch search) {
        List<Predicate> branches = new ArrayList<>();
        for (TicketSearch.Area area : search.areas()) {
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(ticket.get("region").in(area.regions()));
            if (!area.categories().isEmpty()) {
                conditions.add(ticket.get("category").in(area.categories()));
            }
            if (!area.excludedCategories().isEmpty()) {
                conditions.add(builder.not(ticket.get("category").in(area.excludedCategories())));
            }
            if (search.status() != null) {
                conditions.add(area.statusVisible() ? builder.equal(ticket.get("status"), search.status())
                        : builder.disjunction());
            }
            if (search.assignees() != null && search.assignees().contains(TicketSearch.UNASSIGNED)) {
                // the "Unassigned" queue (#23): no person, where the caller sees assignees (a team may have it)
                conditions.add(area.assigneeVisible() ? ticket.get("assignee").isNull() : builder.disjunction());
            } else if (search.assignees() != null) {
                List<Predicate> whose = new ArrayList<>();
                if (area.assigneeVisible() && !search.assignees().isEmpty()) {
                    whose.add(ticket.get("assignee").in(search.assignees()));
                }
                if (area.teamVisible() && search.teams() != null && !search.teams().isEmpty()) {
                    // the team's own work (#23): routed to the team, taken by one of them or not yet
                    whose.add(ticket.get("teamId").in(search.teams()));
                }
                conditions.add(whose.isEmpty() ? builder.disjunction() : builder.or(whose.toArray(new Predicate[0])));
            }
            branches.add(builder.and(conditions.toArray(new Predicate[0])));
        }
        Predicate found = builder.or(branches.toArray(new Predicate[0]));
        return search.hiddenCustomers().isEmpty() ? found
                : builder.and(found, builder.not(ticket.get("customer").get("id").in(search.hiddenCustomers())));
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
