package org.custodian.application.slo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored evaluations of the objectives (table slo_evaluation): their history and the missed-stretch state. */
public interface SloEvaluations {

    /** One stored evaluation. */
    record Evaluation(String objective, String remit, Instant evaluatedAt, Double value, double target, String unit,
            String status, Long incidentTicketId) implements java.io.Serializable {
    }

    void store(Evaluation evaluation);

    /** The newest evaluation of an objective, if any. */
    Optional<Evaluation> latest(String objective);

    /** The evaluations of these objectives in [from, to), oldest first, at most {@code limit}. */
    List<Evaluation> between(List<String> objectives, Instant from, Instant to, int limit);
}
