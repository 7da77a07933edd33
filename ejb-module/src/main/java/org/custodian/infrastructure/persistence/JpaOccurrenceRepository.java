package org.custodian.infrastructure.persistence;

import static org.custodian.infrastructure.persistence.JdbcValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.monitoring.OccurrenceRepository;

/** Plain SQL on ticket_occurrence: a counter row needs no entity (and no entry in every persistence unit). */
@ApplicationScoped
public class JpaOccurrenceRepository implements OccurrenceRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Occurrences> ofTicket(long ticketId) {
        List<?> rows = entityManager.createNativeQuery("select ticket_id, fingerprint, source, host, check_name,"
                + " occurrences, first_seen, last_seen, recovered_at from ticket_occurrence where ticket_id = ?1")
                .setParameter(1, ticketId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Occurrences(((Number) r[0]).longValue(), ((String) r[1]).trim(), (String) r[2],
                (String) r[3], (String) r[4], ((Number) r[5]).intValue(), instant(r[6]), instant(r[7]),
                instant(r[8])));
    }

    @Override
    public void first(long ticketId, String fingerprint, String source, String host, String check, Instant at) {
        // the row and the ticket's marker in one statement: a read asks for occurrences only where the marker says
        entityManager.createNativeQuery("with made as (insert into ticket_occurrence (ticket_id, fingerprint, source,"
                + " host, check_name, occurrences, first_seen, last_seen) values (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)"
                + " returning ticket_id) update ticket set has_occurrences = true where id in (select ticket_id"
                + " from made)")
                .setParameter(1, ticketId).setParameter(2, fingerprint).setParameter(3, cut(source, 64))
                .setParameter(4, cut(host, 200)).setParameter(5, cut(check, 200))
                .setParameter(6, Timestamp.from(at)).executeUpdate();
    }

    @Override
    public int again(long ticketId, Instant at) {
        entityManager.createNativeQuery("update ticket_occurrence set occurrences = occurrences + 1, last_seen = ?2"
                + " where ticket_id = ?1").setParameter(1, ticketId).setParameter(2, Timestamp.from(at))
                .executeUpdate();
        Object count = entityManager.createNativeQuery("select occurrences from ticket_occurrence"
                + " where ticket_id = ?1").setParameter(1, ticketId).getSingleResult();
        return ((Number) count).intValue();
    }

    @Override
    public void recovered(long ticketId, Instant at) {
        entityManager.createNativeQuery("update ticket_occurrence set recovered_at = ?2 where ticket_id = ?1")
                .setParameter(1, ticketId).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
