package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.sla.BusinessCalendar;
import org.custodian.domain.model.sla.SlaClock;
import org.custodian.domain.model.sla.SlaPolicy;
import org.custodian.domain.model.sla.SlaRepository;
import org.custodian.domain.model.sla.TicketSla;
import org.custodian.domain.model.sla.TicketSlaState;

@ApplicationScoped
public class JpaSlaRepository implements SlaRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<BusinessCalendar> calendars() {
        return entityManager.createNamedQuery("BusinessCalendar.findAll", BusinessCalendar.class).getResultList();
    }

    @Override
    public Optional<BusinessCalendar> calendar(long id) {
        return Optional.ofNullable(entityManager.find(BusinessCalendar.class, id));
    }

    @Override
    public Optional<BusinessCalendar> calendarForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(BusinessCalendar.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<SlaPolicy> policies(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "SlaPolicy.findActive" : "SlaPolicy.findAll",
                SlaPolicy.class).getResultList();
    }

    @Override
    public Optional<SlaPolicy> policyForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(SlaPolicy.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(Object entity) {
        entityManager.persist(entity);
        entityManager.flush(); // ids for the audit event and the reply
    }

    @Override
    public Optional<TicketSla> ticketSla(long ticketId) {
        return Optional.ofNullable(entityManager.find(TicketSla.class, ticketId));
    }

    @Override
    public List<SlaClock> clocks(long ticketId) {
        return entityManager.createNamedQuery("SlaClock.findByTicket", SlaClock.class).setParameter("ticket", ticketId)
                .getResultList();
    }

    @Override
    public Map<Long, TicketSlaState> states(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        // one round trip for both: a ticket without clocks still comes back once, with a null clock
        List<Object[]> rows = entityManager.createQuery("SELECT s, c FROM TicketSla s LEFT JOIN SlaClock c"
                + " ON c.ticketId = s.ticketId WHERE s.ticketId IN :tickets", Object[].class)
                .setParameter("tickets", ticketIds).getResultList();
        Map<Long, TicketSlaState> states = new HashMap<>();
        for (Object[] row : rows) {
            TicketSla sla = (TicketSla) row[0];
            TicketSlaState state = states.computeIfAbsent(sla.getTicketId(),
                    id -> new TicketSlaState(sla, new ArrayList<>()));
            if (row[1] != null) {
                state.clocks().add((SlaClock) row[1]);
            }
        }
        return states;
    }

    @Override
    public void ticketDue(long ticketId, Instant due) {
        if (due == null) {
            // a null parameter would be bound as text, which PostgreSQL refuses for a timestamp column
            entityManager.createNativeQuery("update ticket set sla_due_at = null where id = ?")
                    .setParameter(1, ticketId).executeUpdate();
            return;
        }
        entityManager.createNativeQuery("update ticket set sla_due_at = ? where id = ?")
                .setParameter(1, due.atOffset(java.time.ZoneOffset.UTC)).setParameter(2, ticketId).executeUpdate();
    }

    @Override
    public Optional<SlaClock> clockForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(SlaClock.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Instant earliestAlarm() {
        List<Instant> first = entityManager.createNamedQuery("SlaClock.earliestAlarm", Instant.class).setMaxResults(1)
                .getResultList();
        return first.isEmpty() ? null : first.get(0);
    }

    @Override
    public List<Long> alarmsDue(Instant now, int limit) {
        return entityManager.createNamedQuery("SlaClock.alarmsDue", Long.class).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }
}
