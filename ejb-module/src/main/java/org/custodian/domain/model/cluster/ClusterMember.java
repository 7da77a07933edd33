package org.custodian.domain.model.cluster;

import java.time.Instant;
import java.util.UUID;

/** A node as the database sees it: {@code alive} while its lease has not expired (by the database's clock). */
public record ClusterMember(UUID id, String name, Instant startedAt, Instant heartbeatAt, Instant leaseUntil,
        boolean alive) {
}
