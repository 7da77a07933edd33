package org.custodian.domain.model.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts raised by anomaly detection and by the backup schedule. */
public interface AlertRepository {

    void store(Alert alert);

    /** The newest {@code limit} alerts, newest first. */
    List<Alert> recent(int limit);

    /** The latest alert of a rule about an actor. */
    Optional<Alert> latest(String rule, String actor);

    /**
     * The open-incident row of a cause, created if missing and locked for this transaction: a concurrent caller with
     * the same key waits here until this transaction ends, then sees what it opened.
     */
    OpenIncident lockIncident(String key, Instant now);
}
