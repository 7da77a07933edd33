package org.custodian.application.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupStatus;
import org.custodian.domain.model.backup.BackupType;
import org.custodian.domain.model.backup.RestoreKind;
import org.custodian.domain.model.backup.RestoreRun;

/**
 * The bookkeeping of the backup jobs, the exporter and the restorer: sets begun, snapshotted, completed, failed,
 * verified and expired, restore runs begun and finished, and the questions the jobs and the schedule ask of it. No
 * caller checks here: the jobs were authorized when they were started. Every change commits in a transaction of
 * its own together with its audit event, so the ledger tells the truth about the files even when the export around
 * it fails.
 */
public interface BackupLedger {

    /** Ids of the sets with the status, oldest snapshot first. */
    List<Long> setIds(BackupStatus status);

    /** One set; 404 if unknown. */
    BackupSet set(long id);

    /** The newest COMPLETE set on the target, the base an incremental there builds on. */
    Optional<BackupSet> newestComplete(String target);

    /** The newest COMPLETE set on the target taken at or before the instant (point-in-time restore). */
    Optional<BackupSet> newestCompleteAtOrBefore(String target, Instant pointInTime);

    /**
     * The sets a restore of setId needs, oldest first: its full base, then each incremental up to it. 404 if the
     * set is unknown, 409 if it or any set it builds on is not COMPLETE.
     */
    List<BackupSet> chainEndingAt(long setId);

    /**
     * Why an incremental may not build on this base, if it may not: the schema changed since (a restore could not
     * load its rows), or data was restored over live since (the change log did not see the restore).
     */
    Optional<String> incrementalRefusal(BackupSet base);

    /** The directory a set lives in on its target. */
    Path directoryOf(BackupSet set);

    /**
     * Marks sets left RUNNING by an export that died FAILED and removes their working directories (the export job
     * runs one at a time, so any RUNNING set found when a new one begins was abandoned).
     */
    int failAbandoned(String actor);

    /** Marks one abandoned RUNNING set FAILED, with its audit event. */
    void markAbandoned(long setId, String actor);

    /** Lists a new RUNNING set; an incremental builds on the newest COMPLETE set of its target. */
    BackupSet begin(BackupType type, BackupTarget target, String reason, String requestedBy, long executionId);

    /** Records the snapshot the set is read from, before any of its files is written. */
    void snapshotTaken(long setId, SnapshotFacts snapshot);

    void complete(long setId, long sizeBytes, long rows, String manifestSha256, String actor);

    /** Marks the set FAILED, audits it and removes whatever files it has. */
    void fail(long setId, String why, String actor);

    /**
     * Removes change-log rows that every configured target's newest complete set already covers; returns how many.
     */
    int pruneChangeLog();

    /**
     * Applies tiered retention to the COMPLETE sets of the target: each set marked EXPIRED (and audited) in a
     * transaction of its own, then its files removed. Returns the names of the sets expired.
     */
    List<String> expire(BackupTarget target, String actor, Instant now);

    /** Which COMPLETE sets of the target retention lets go (id to why); the newest set and its chain never. */
    Map<Long, String> expiring(BackupTarget target);

    BackupSet markExpired(long setId, String why, String actor, Instant now);

    /**
     * Checks a COMPLETE set's files against its signed manifest (and decrypts them when a decryption key is
     * configured), records the result and audits it; a broken set opens an incident.
     */
    BackupVerificationView verifySet(long id, String actor);

    /** Records the result of checking a set's files. */
    void verified(long setId, String result, boolean ok, String actor);

    RestoreRun beginRestore(RestoreKind kind, List<BackupSet> chain, String schema, String requestedBy,
            String reason, long jobExecutionId);

    /** Records the restore's result and audits it; a failed drill or restore opens an incident. */
    RestoreRunView finishRestore(long runId, boolean ok, long rows, List<String> checks, String failure);

    /** When the last restore drill started, if there was one (the schedule runs one every drill interval). */
    Optional<Instant> lastDrillAt();

    /** Whether an incident of the rule was opened at or after the instant (so it is not opened twice). */
    boolean incidentOpenSince(String rule, Instant since);
}
