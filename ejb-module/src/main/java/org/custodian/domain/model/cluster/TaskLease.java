package org.custodian.domain.model.cluster;

import java.time.Instant;
import java.util.UUID;

/** A scheduled task and the node that runs it, since when and when it last ran there. */
public record TaskLease(String task, UUID nodeId, Instant acquiredAt, Instant renewedAt) {
}
