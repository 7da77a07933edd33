package org.custodian.application.backup;

import org.custodian.domain.model.backup.BackupSet;

/** Writes one backup set from a consistent snapshot of the database. */
public interface BackupExporter {

    /**
     * Exports the RUNNING set (against base when incremental) into its target and publishes it. Refuses before
     * writing anything when the target may not hold a region whose data is in the snapshot.
     */
    ExportedSet export(BackupSet set, BackupSet base, BackupTarget target);
}
