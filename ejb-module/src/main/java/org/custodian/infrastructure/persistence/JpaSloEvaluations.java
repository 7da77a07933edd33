package org.custodian.infrastructure.persistence;

import static org.custodian.infrastructure.persistence.JdbcValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.application.slo.SloEvaluations;

/** Plain SQL on slo_evaluation (a history row needs no entity), in the caller's transaction. */
@ApplicationScoped
public class JpaSloEvaluations implements SloEvaluations {

    private static final String COLUMNS = "objective, remit, evaluated_at, measured_value, target, unit, status,"
            + " incident_ticket_id";

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(Evaluation e) {
        entityManager.createNativeQuery("insert into slo_evaluation (id, " + COLUMNS + ") values"
                + " (nextval('slo_evaluation_seq'), ?1, ?2, ?3, cast(?4 as double precision), ?5, ?6, ?7,"
                + " cast(?8 as bigint))")
                .setParameter(1, e.objective()).setParameter(2, e.remit())
                .setParameter(3, Timestamp.from(e.evaluatedAt())).setParameter(4, e.value())
                .setParameter(5, e.target()).setParameter(6, e.unit()).setParameter(7, e.status())
                .setParameter(8, e.incidentTicketId()).executeUpdate();
    }

    @Override
    public Optional<Evaluation> latest(String objective) {
        List<?> rows = entityManager.createNativeQuery("select " + COLUMNS + " from slo_evaluation"
                + " where objective = ?1 order by evaluated_at desc, id desc limit 1")
                .setParameter(1, objective).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(evaluation((Object[]) rows.get(0)));
    }

    @Override
    public List<Evaluation> between(List<String> objectives, Instant from, Instant to, int limit) {
        if (objectives.isEmpty()) {
            return List.of();
        }
        List<?> rows = entityManager.createNativeQuery("select " + COLUMNS + " from slo_evaluation"
                + " where objective = any (cast(?1 as varchar[])) and evaluated_at >= ?2 and evaluated_at < ?3"
                + " order by evaluated_at, id limit ?4")
                .setParameter(1, "{" + String.join(",", objectives) + "}").setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to)).setParameter(4, limit).getResultList();
        List<Evaluation> out = new ArrayList<>();
        for (Object row : rows) {
            out.add(evaluation((Object[]) row));
        }
        return out;
    }

    private static Evaluation evaluation(Object[] r) {
        return new Evaluation((String) r[0], (String) r[1], instant(r[2]),
                r[3] == null ? null : ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), (String) r[5],
                (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue());
    }
}
