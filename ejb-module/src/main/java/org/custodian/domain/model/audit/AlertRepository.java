package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Optional;

/** Alerts raised by anomaly detection and by the backup schedule. */
public interface AlertRepository {

    void store(Alert alert);

    /** The newest {@code limit} alerts, newest first. */
    List<Alert> recent(int limit);

    /** The latest alert of a rule about an actor. */
    Optional<Alert> latest(String rule, String actor);
}
