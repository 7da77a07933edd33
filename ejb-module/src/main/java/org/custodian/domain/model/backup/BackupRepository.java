package org.custodian.domain.model.backup;

import java.util.List;
import java.util.Optional;

public interface BackupRepository {

    void store(BackupSet set);

    Optional<BackupSet> find(long id);

    Optional<BackupSet> findForUpdate(long id);

    /** Newest first. */
    List<BackupSet> all();

    /** Oldest snapshot first. */
    List<BackupSet> withStatus(BackupStatus status);

    /** The newest COMPLETE set on the target: the base of the next incremental there. */
    Optional<BackupSet> newestComplete(String target);

    /**
     * Forgets the logged changes of transactions visible in the given snapshot: no future incremental needs them
     * when every target's newest set saw them. Returns the number of log rows removed. PostgreSQL only.
     */
    int pruneChangeLog(String snapshotIds);

    void store(RestoreRun run);

    Optional<RestoreRun> findRestore(long id);

    /** Newest first. */
    List<RestoreRun> restores();
}
