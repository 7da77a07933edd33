package org.custodian.application.backup;

import org.custodian.domain.model.backup.RestoreKind;

/** Restores a backup chain (its full base plus incrementals up to a set) and reports what it proved. */
public interface BackupRestorer {

    /**
     * Restores the chain ending at setId into the schema: RESTORE keeps the schema for inspection, DRILL checks and
     * drops it. Verifies every set's files first and decrypts with the configured decryption key.
     */
    RestoreRunView restore(RestoreKind kind, long setId, String schema, String requestedBy, String reason,
            long jobExecutionId);

    /**
     * Builds the secondary indexes a restore into the schema left for after its commit (all but the unique and
     * foreign-key ones), each in a transaction of its own (so a restart builds only what is missing); returns how
     * many this call built.
     */
    int buildDeferredIndexes(String schema);
}
