package org.custodian.application.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AlertRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.backup.BackupRepository;
import org.custodian.domain.model.backup.BackupRetentionPlan;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupSetSummary;
import org.custodian.domain.model.backup.BackupStatus;
import org.custodian.domain.model.backup.BackupType;
import org.custodian.domain.model.backup.RestoreKind;
import org.custodian.domain.model.backup.RestoreRun;

/**
 * Each method that changes the ledger runs in a transaction of its own (REQUIRES_NEW): the export that calls it
 * runs outside any container transaction, and a failed export must still leave its FAILED row and audit event.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultBackupLedger implements BackupLedger {

    private static final Logger LOG = Logger.getLogger(DefaultBackupLedger.class.getName());

    @EJB
    private AuditService audit;

    @Inject
    private BackupRepository backups;

    @Inject
    private BackupConfiguration configuration;

    @Inject
    private AlertRepository alerts;

    @Inject
    private LegalHoldPins pins;

    @Inject
    private BackupSetStore store;

    @Inject
    private SchemaVersion schemaVersion;

    @EJB
    private BackupIncidents incidents;

    @Resource
    private SessionContext context;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> setIds(BackupStatus status) {
        return backups.withStatus(status).stream().map(BackupSet::getId).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<BackupSet> newestComplete(String target) {
        return backups.newestComplete(target);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int failAbandoned(String actor) {
        BackupLedger self = context.getBusinessObject(BackupLedger.class);
        int failed = 0;
        for (long id : self.setIds(BackupStatus.RUNNING)) {
            // the row first, in its own transaction; only then the files, which no rollback could bring back
            self.markAbandoned(id, actor);
            removeFiles(self.set(id));
            failed++;
        }
        return failed;
    }

    @Override
    public void markAbandoned(long setId, String actor) {
        BackupSet locked = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        locked.fail("abandoned: the export (job execution " + locked.getJobExecutionId() + ") ended before the set"
                + " was complete; its working files were removed", Instant.now());
        audit.record(Caller.system(actor, "backup-" + setId), AuditActions.BACKUP_FAIL, AuditActions.BACKUP_SET,
                locked.getName(), List.of("abandoned"), AuditOutcome.FAILURE);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public BackupSet set(long id) {
        return backups.find(id).orElseThrow(() -> new ResourceNotFoundException("backup set", id));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> incrementalRefusal(BackupSet base) {
        if (!schemaVersion.current().equals(base.getSchemaVersion())) {
            return Optional.of("the schema changed from version " + base.getSchemaVersion() + " to "
                    + schemaVersion.current() + " since");
        }
        Optional<BackupSet> prunedLater = backups.all().stream().filter(set -> set.isLogPruned()
                && set.getSnapshotAt() != null && set.getSnapshotAt().isAfter(base.getSnapshotAt())).findFirst();
        if (prunedLater.isPresent()) {
            // e.g. a target taken out of the configuration and put back: its base predates what the log keeps
            return Optional.of("the change log was pruned up to " + prunedLater.get().getName() + " ("
                    + prunedLater.get().getSnapshotAt() + "), so changes since the base are no longer all logged");
        }
        return backups.restores().stream().filter(run -> run.getKind() == RestoreKind.LIVE
                && Boolean.TRUE.equals(run.getOk()) && run.getFinishedAt() != null
                && run.getFinishedAt().isAfter(base.getSnapshotAt())).findFirst()
                .map(run -> "data was restored over live (" + run.getSetName() + ") at " + run.getFinishedAt()
                        + " since");
    }

    @Override
    public BackupSet begin(BackupType type, BackupTarget target, String reason, String requestedBy,
            long executionId) {
        BackupSet base = type == BackupType.INCREMENTAL ? backups.newestComplete(target.name()).orElse(null) : null;
        BackupSet set = new BackupSet(type, base, target.name(), reason, requestedBy, executionId, Instant.now());
        backups.store(set);
        return set;
    }

    @Override
    public void snapshotTaken(long setId, SnapshotFacts snapshot) {
        BackupSet set = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        set.snapshotTaken(snapshot.at(), snapshot.snapshotIds(), snapshot.auditSequence(), snapshot.schemaVersion(),
                String.join(",", new TreeSet<>(snapshot.regions())));
    }

    @Override
    public void complete(long setId, long sizeBytes, long rows, String manifestSha256, String actor) {
        BackupSet set = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        set.complete(sizeBytes, rows, manifestSha256, Instant.now());
        audit.record(Caller.system(actor, "backup-" + setId), AuditActions.BACKUP_COMPLETE, AuditActions.BACKUP_SET,
                set.getName(), List.of("type=" + set.getType(), "rows=" + rows, "bytes=" + sizeBytes,
                        "manifestSha256=" + manifestSha256), AuditOutcome.SUCCESS);
    }

    @Override
    public void fail(long setId, String why, String actor) {
        BackupSet set = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        set.fail(why, Instant.now());
        audit.record(Caller.system(actor, "backup-" + setId), AuditActions.BACKUP_FAIL, AuditActions.BACKUP_SET,
                set.getName(), List.of(why.length() > 200 ? why.substring(0, 200) : why), AuditOutcome.FAILURE);
        // a set that failed after it was published (the catalog could not be updated) must not stay looking whole
        removeFiles(set);
    }

    @Override
    public int pruneChangeLog() {
        Optional<BackupSet> oldestNewest = Optional.empty();
        for (String target : configuration.targets().keySet()) {
            Optional<BackupSet> newest = backups.newestComplete(target);
            if (newest.isEmpty()) {
                // a target whose chain has not started yet begins with a full set, which needs no log
                continue;
            }
            if (oldestNewest.isEmpty() || newest.get().getSnapshotAt().isBefore(oldestNewest.get().getSnapshotAt())) {
                oldestNewest = newest;
            }
        }
        return oldestNewest.map(set -> {
            backups.findForUpdate(set.getId()).orElseThrow().changeLogPrunedHere();
            return backups.pruneChangeLog(set.getSnapshotIds());
        }).orElse(0);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> expire(BackupTarget target, String actor, Instant now) {
        BackupLedger self = context.getBusinessObject(BackupLedger.class);
        List<String> expired = new ArrayList<>();
        for (Map.Entry<Long, String> entry : self.expiring(target).entrySet()) {
            // each row in its own transaction, then its files: a failure later on cannot leave a COMPLETE row
            // whose directory is already gone
            BackupSet set = self.markExpired(entry.getKey(), entry.getValue(), actor, now);
            removeFiles(set);
            expired.add(set.getName());
        }
        return expired;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Map<Long, String> expiring(BackupTarget target) {
        Function<BackupSet, List<Long>> pinnedBy = pins.current();
        List<BackupSet> complete = backups.withStatus(BackupStatus.COMPLETE).stream()
                .filter(set -> set.getTarget().equals(target.name())).toList();
        List<BackupSetSummary> summaries = complete.stream()
                .map(set -> set.summary(!pinnedBy.apply(set).isEmpty())).toList();
        BackupRetentionPlan plan = configuration.retentionPlan();
        Set<Long> kept = new HashSet<>(plan.keep(summaries).keySet());
        // The newest set and its chain always stay, whatever the tiers say: the change log has been pruned up to
        // it, so the next incremental can only be taken against it.
        complete.stream().reduce((older, newer) -> newer).ifPresent(newest -> {
            Long next = newest.getId();
            Map<Long, BackupSet> byId = new HashMap<>();
            complete.forEach(set -> byId.put(set.getId(), set));
            while (next != null && byId.containsKey(next)) {
                kept.add(next);
                next = byId.get(next).getBaseId();
            }
        });
        Map<Long, String> expiring = new LinkedHashMap<>();
        for (BackupSet set : complete) {
            if (!kept.contains(set.getId())) {
                expiring.put(set.getId(), "newer sets fill the tiers (" + plan.daily() + " daily, " + plan.weekly()
                        + " weekly, " + plan.monthly() + " monthly) and no hold pins it");
            }
        }
        return expiring;
    }

    @Override
    public BackupSet markExpired(long setId, String why, String actor, Instant now) {
        BackupSet locked = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        locked.expire(why, now);
        audit.record(Caller.system(actor, "backup-expiry"), AuditActions.BACKUP_EXPIRE, AuditActions.BACKUP_SET,
                locked.getName(), List.of("snapshotAt=" + locked.getSnapshotAt()), AuditOutcome.SUCCESS);
        return locked;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BackupVerificationView verifySet(long id, String actor) {
        BackupSet set = backups.find(id).orElseThrow(() -> new ResourceNotFoundException("backup set", id));
        if (set.getStatus() != BackupStatus.COMPLETE) {
            throw new ConflictException("backup set " + set.getName() + " is " + set.getStatus()
                    + "; only COMPLETE sets have files to verify");
        }
        BackupSetStore.SetCheck report = store.check(directoryOf(set), set.getManifestSha256());
        List<String> problems = report.problems();
        boolean ok = report.ok();
        String result = ok ? report.summary() : "BROKEN " + String.join("; ", problems);
        BackupLedger self = context.getBusinessObject(BackupLedger.class);
        self.verified(id, result, ok, actor);
        if (!ok) {
            incidents.open(BackupIncidents.VERIFY_FAILED, actor, "Backup verification failed: "
                    + set.getName(), "Backup set " + set.getName() + " failed verification: " + result);
        }
        return new BackupVerificationView(id, set.getName(), ok, report.decrypted(), report.filesChecked(),
                problems, Instant.now());
    }

    @Override
    public void verified(long setId, String result, boolean ok, String actor) {
        BackupSet set = backups.findForUpdate(setId).orElseThrow(() -> new ResourceNotFoundException("backup set",
                setId));
        set.verified(result, Instant.now());
        audit.record(Caller.system(actor, "backup-verify"), AuditActions.BACKUP_VERIFY, AuditActions.BACKUP_SET,
                set.getName(), List.of(result.length() > 200 ? result.substring(0, 200) : result),
                ok ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean incidentOpenSince(String rule, Instant since) {
        return alerts.latest(rule, "backup-schedule").map(alert -> !alert.getCreatedAt().isBefore(since))
                .orElse(false);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<BackupSet> chainEndingAt(long setId) {
        List<BackupSet> chain = new ArrayList<>();
        Long next = setId;
        while (next != null) {
            long id = next;
            BackupSet set = backups.find(id).orElseThrow(() -> new ResourceNotFoundException("backup set", id));
            if (set.getStatus() != BackupStatus.COMPLETE) {
                throw new ConflictException("backup set " + set.getName() + " is " + set.getStatus()
                        + (chain.isEmpty() ? "" : " (a base of " + chain.get(0).getName() + ")")
                        + "; only COMPLETE sets can be restored");
            }
            chain.add(0, set);
            next = set.getBaseId();
        }
        return chain;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<BackupSet> newestCompleteAtOrBefore(String target, Instant pointInTime) {
        return backups.withStatus(BackupStatus.COMPLETE).stream()
                .filter(set -> set.getTarget().equals(target) && !set.getSnapshotAt().isAfter(pointInTime))
                .reduce((older, newer) -> newer);
    }

    @Override
    public RestoreRun beginRestore(RestoreKind kind, List<BackupSet> chain, String schema, String requestedBy,
            String reason, long jobExecutionId) {
        RestoreRun run = new RestoreRun(kind, chain, schema, requestedBy, reason, jobExecutionId, Instant.now());
        backups.store(run);
        return run;
    }

    @Override
    public RestoreRunView finishRestore(long runId, boolean ok, long rows, List<String> checks, String failure) {
        RestoreRun run = backups.findRestore(runId).orElseThrow(() -> new ResourceNotFoundException("restore",
                runId));
        if (failure == null) {
            run.finished(ok, rows, checks, Instant.now());
        } else {
            run.failed(failure, checks, Instant.now());
        }
        String actor = "batch:backup-restore";
        audit.record(Caller.system(actor, "restore-" + runId), AuditActions.BACKUP_RESTORE, AuditActions.BACKUP_SET,
                run.getSetName(), List.of("kind=" + run.getKind(), "schema=" + run.getTargetSchema(), "ok=" + ok,
                        "rows=" + rows, "rtoMs=" + run.getRtoMillis(), "rpoMs=" + run.getRpoMillis()),
                ok && failure == null ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
        if (!ok || failure != null) {
            incidents.open(BackupIncidents.RESTORE_FAILED, actor, (run.getKind() == RestoreKind.DRILL ? "Restore drill"
                    : "Restore") + " failed: " + run.getSetName(), "The " + run.getKind() + " of " + run.getSetName()
                    + " into " + run.getTargetSchema() + " failed: " + (failure != null ? failure
                    : String.join("; ", checks.stream().filter(check -> check.startsWith("FAILED")).toList())));
        }
        return RestoreRunView.of(run);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Instant> lastDrillAt() {
        return backups.restores().stream().filter(run -> run.getKind() == RestoreKind.DRILL)
                .map(RestoreRun::getStartedAt).findFirst();
    }

    @Override
    public Path directoryOf(BackupSet set) {
        return configuration.target(set.getTarget()).directory().resolve(set.getName());
    }

    /** Deletes a set's directory and any working directory it left; the row stays. */
    private void removeFiles(BackupSet set) {
        try {
            store.remove(directoryOf(set));
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // a target removed from the configuration: the row changes, the files are the operator's to remove
            LOG.warning(() -> "files of backup set " + set.getName() + " not removed: " + e.getMessage());
        }
    }
}
