package org.custodian.domain.model.audit;

import java.util.Optional;

/** Positions of the readers that follow the trail in order: each SIEM sink, and the anomaly detector's cursor. */
public interface SiemDeliveryRepository {

    /** The delivery position of a sink, locked for this transaction (created at 0 on first use). */
    SiemDelivery lock(String sink);

    Optional<SiemDelivery> find(String sink);
}
