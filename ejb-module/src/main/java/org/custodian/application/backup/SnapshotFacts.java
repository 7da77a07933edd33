package org.custodian.application.backup;

import java.time.Instant;
import java.util.Set;

/**
 * What the ledger keeps of the snapshot a set was read from: when it was taken, the database's snapshot ids and
 * audit head (where the next incremental starts), the schema version (whether an incremental may build on it) and
 * the residency regions whose personal data it holds.
 */
public record SnapshotFacts(Instant at, String snapshotIds, long auditSequence, String schemaVersion,
        Set<String> regions) {
}
