package bench.plain;

import jakarta.ejb.Stateless;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-path benchmark's baseline (#27): the plainest read of a ticket row a Jakarta EE application on the same
 * Payara Micro and the same datasource can do. A stateless EJB (a container transaction, as Custodian's services
 * have) finds the row by JPA and returns its columns as JSON; the list is the newest page and the exact total, as
 * Custodian's list answers. No token, no policy, no masking, no audit. Not part of Custodian; the benchmark script
 * compiles it into bench-plain.war.
 */
@ApplicationPath("/")
public class PlainTickets extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Tickets.class);
    }

    /** GET /tickets/{id}: one row; GET /tickets?size=20: the newest page with the total. */
    @Path("tickets")
    @Stateless
    @Produces(MediaType.APPLICATION_JSON)
    public static class Tickets {

        @PersistenceContext(unitName = "plain")
        EntityManager entityManager;

        @GET
        @Path("{id}")
        public Map<String, Object> get(@PathParam("id") long id) {
            PlainTicket ticket = entityManager.find(PlainTicket.class, id);
            if (ticket == null) {
                throw new NotFoundException();
            }
            return ticket.json();
        }

        @GET
        public Map<String, Object> list(@QueryParam("page") @DefaultValue("0") int page,
                @QueryParam("size") @DefaultValue("20") int size) {
            List<PlainTicket> items = entityManager
                    .createQuery("select t from PlainTicket t order by t.createdAt desc, t.id desc", PlainTicket.class)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
            long total = entityManager.createQuery("select count(t) from PlainTicket t", Long.class)
                    .getSingleResult();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("items", items.stream().map(PlainTicket::json).toList());
            json.put("page", page);
            json.put("size", size);
            json.put("total", total);
            return json;
        }
    }

    /** The columns of a ticket row that Custodian's ticket JSON shows. */
    @Entity(name = "PlainTicket")
    @Table(name = "ticket")
    public static class PlainTicket {
        @Id
        Long id;
        String subject;
        String description;
        String status;
        String priority;
        String category;
        String region;
        String assignee;
        @Column(name = "customer_id")
        Long customerId;
        @Column(name = "created_at")
        Timestamp createdAt;
        @Column(name = "updated_at")
        Timestamp updatedAt;
        @Column(name = "resolved_at")
        Timestamp resolvedAt;
        long version;

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("subject", subject);
            json.put("description", description);
            json.put("status", status);
            json.put("priority", priority);
            json.put("category", category);
            json.put("region", region);
            json.put("assignee", assignee);
            json.put("customerId", customerId);
            json.put("createdAt", createdAt == null ? null : createdAt.toInstant().toString());
            json.put("updatedAt", updatedAt == null ? null : updatedAt.toInstant().toString());
            json.put("resolvedAt", resolvedAt == null ? null : resolvedAt.toInstant().toString());
            json.put("version", version);
            return json;
        }
    }
}
