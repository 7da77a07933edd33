package org.custodian.infrastructure.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.custodian.application.audit.proof.CheckpointSigner;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupFailedException;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.backup.BackupRestorer;
import org.custodian.application.backup.DatabaseRestored;
import org.custodian.application.backup.RestoreRunView;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.RestoreKind;
import org.custodian.domain.model.backup.RestoreRun;

/**
 * Runs outside any container transaction: the restore is one database transaction of its own on the restore
 * schema (minutes for a large chain), and its report commits separately through {@link BackupLedger}, so a failed
 * restore still leaves its report.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostgresBackupRestorer implements BackupRestorer {

    /**
     * Never rewound by a restore over live data: the trail records what happened, including the restore itself,
     * and SIEM collectors and the anomaly detector have consumed it by sequence number. The erasure ledger too: an
     * erasure made after the backup must stay, and is applied again to the restored rows (ErasureReplay); so must a
     * restriction of processing, a withdrawn consent and an objection (#25); the subject packages describe files outside the
     * database; and second factors must not come back once reset. The nodes' leases and which node runs which job
     * execution (#26), and the runs' history beside the batch runtime's own tables, describe the running servers:
     * an old copy of them made the restore's own execution look orphaned (its node gone) while it still ran.
     */
    static final Set<String> KEPT_LIVE = new TreeSet<>(Set.of("audit_event", "audit_chain_head", "audit_checkpoint",
            "audit_prune", "audit_daily_aggregate", "audit_pending", "audit_prune_guard", "siem_delivery",
            "erasure", "erasure_subject", "processing_restriction", "consent_record", "processing_objection", "subject_package",
            "user_second_factor", "user_recovery_code", "flyway_schema_history", "cluster_node",
            "cluster_timer_lease", "job_execution_node", "job_run"));

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @EJB
    private BackupLedger ledger;

    @Inject
    private BackupKeys keys;

    @Inject
    private BackupConfiguration configuration;

    @Inject
    private CheckpointSigner checkpoints;

    @Inject
    private Event<DatabaseRestored> restored;

    /** Runs the further connections of the deferred index builds. */
    @Resource
    private ManagedExecutorService executor;

    @Override
    public RestoreRunView restore(RestoreKind kind, long setId, String schema, String requestedBy, String reason,
            long jobExecutionId) {
        List<BackupSet> chain = ledger.chainEndingAt(setId);
        RestoreRun run = ledger.beginRestore(kind, chain, schema, requestedBy, reason, jobExecutionId);
        List<String> checks = new ArrayList<>();
        try (StagingDirectory staging = StagingDirectory.createIn(configuration.stagingRoot())) {
            OpenPgpDecryptor decryptor = keys.decryptor().orElseThrow(() -> new BackupFailedException(
                    "restoring needs custodian.backup.decryption-key (CUSTODIAN_BACKUP_DECRYPTION_KEY): the secret"
                            + " key of one of the recipients the sets are encrypted to"));
            BackupSetVerifier verifier = new BackupSetVerifier(keys.verifier(), Optional.empty(), Runnable::run,
                    configuration.acceptFormat1());
            // every set is copied into the private staging directory while it is checked; from here on only those
            // copies are read, so a file swapped on the backup target after its check is never loaded
            List<BackupSetVerifier.Staged> staged = new ArrayList<>();
            for (BackupSet set : chain) {
                BackupSetVerifier.Staged copy = verifier.stage(ledger.directoryOf(set), set.getManifestSha256(),
                        staging.path().resolve(String.valueOf(staged.size())));
                if (!copy.report().ok()) {
                    throw new BackupFailedException("set " + set.getName() + " failed verification, nothing was"
                            + " restored: " + String.join("; ", copy.report().problems()));
                }
                staged.add(copy);
            }
            checks.add("OK files: every set of the chain matches its signed manifest and signed checksum lists ("
                    + chain.size() + " sets, staged before loading)");
            long rows;
            boolean ok;
            try (PostgresRestoreTarget target = PostgresRestoreTarget.open(dataSource, schema)) {
                rows = StagedChainLoader.load(target, staged, decryptor);
                ok = check(target, chain.get(chain.size() - 1), staged.get(staged.size() - 1).manifest(), checks);
                restored.fire(new DatabaseRestored(schema, chain.get(chain.size() - 1).getSnapshotAt(),
                        target.connection(), checks));
                if (kind == RestoreKind.LIVE && !ok) {
                    throw new BackupFailedException("the restored copy failed its checks, live data was not"
                            + " touched: " + String.join("; ", checks.stream().filter(c -> c.startsWith("FAILED"))
                            .toList()));
                }
                if (kind == RestoreKind.LIVE) {
                    List<String> replaced = target.replaceLive(KEPT_LIVE);
                    checks.add("OK live data replaced: " + replaced.size() + " tables as of " + chain.get(chain
                            .size() - 1).getSnapshotAt() + "; kept live: the audit trail and its consumers' positions"
                            + " (" + String.join(", ", KEPT_LIVE) + ")");
                }
                if (kind == RestoreKind.DRILL) {
                    target.drop();
                    checks.add("OK drill schema " + schema + " dropped (its deferred indexes were never built)");
                } else {
                    int later = target.recordDeferredIndexes(run.getId());
                    target.commit();
                    checks.add("OK data committed; " + later + " index(es) (search, sorting, filtering) are built"
                            + " after the commit by the job's step 'indexes' (until then every query on " + schema
                            + " gives the same results, only slower; unique and foreign-key indexes are in place)");
                }
            }
            return ledger.finishRestore(run.getId(), ok, rows, checks, null);
        } catch (BackupFailedException e) {
            ledger.finishRestore(run.getId(), false, 0, checks, e.getMessage());
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            String why = "restore into " + schema + " failed: " + e.getMessage();
            ledger.finishRestore(run.getId(), false, 0, checks, why);
            throw new BackupFailedException(why, e);
        }
    }

    @Override
    public int buildDeferredIndexes(String schema) {
        try {
            return RestoreIndexBuilds.buildPending(dataSource, schema, executor, configuration.exportParallelism());
        } catch (SQLException e) {
            throw new BackupFailedException("building the deferred indexes of " + schema + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Referential integrity, row counts against the manifest, the restored audit trail; true if all hold. */
    private boolean check(PostgresRestoreTarget target, BackupSet last, JsonObject manifest, List<String> checks)
            throws SQLException {
        boolean ok = true;
        List<String> broken = target.restoreForeignKeys();
        // the foreign keys just validated every row (and both columns are not null); the rows are counted only when
        // one failed, or a schema lacks the key, to say how many
        boolean counted = !broken.isEmpty() || !target.enforces("ticket_comment", "ticket_id")
                || !target.enforces("ticket", "customer_id");
        long orphanComments = !counted ? 0 : target.number("select count(*) from ticket_comment c where not exists"
                + " (select 1 from ticket t where t.id = c.ticket_id)");
        long orphanTickets = !counted ? 0 : target.number("select count(*) from ticket t where not exists (select 1"
                + " from customer c where c.id = t.customer_id)");
        if (broken.isEmpty() && orphanComments == 0 && orphanTickets == 0) {
            checks.add("OK referential integrity: every foreign key holds; every comment has its ticket, every"
                    + " ticket its customer, every attachment its ticket and every chunk its attachment");
        } else {
            ok = false;
            checks.add("FAILED referential integrity: " + orphanComments + " comment(s) without ticket, "
                    + orphanTickets + " ticket(s) without customer" + (broken.isEmpty() ? "" : "; " + broken));
        }
        // #24: the attachments' ciphertext, chunk by chunk, against the recorded hashes and the manifest
        ok &= RestoredAttachments.check(target.connection(), manifest, checks);
        long pruned = target.dropPrunedEvents();
        if (pruned > 0) {
            checks.add("OK audit pruning: " + pruned + " events that a pruning after the base set removed were removed"
                    + " from the restored copy again");
        }
        Map<String, Long> counts = target.counts();
        List<String> wrong = new ArrayList<>();
        JsonObject expected = manifest.getJsonObject("tableRows");
        for (String table : expected.keySet()) {
            long want = expected.getJsonNumber(table).longValue();
            Long got = counts.get(table);
            if (got == null || got != want) {
                wrong.add(table + " " + got + " (manifest " + want + ")");
            }
        }
        if (wrong.isEmpty()) {
            checks.add("OK row counts: " + expected.size() + " tables match the manifest of " + last.getName());
        } else {
            ok = false;
            checks.add("FAILED row counts: " + String.join(", ", wrong));
        }
        AuditTrailVerifier trail = target.verifyAuditTrail(checkpoints::verify);
        JsonObject snapshot = manifest.getJsonObject("snapshot");
        boolean headMatches = trail.chain().lastVerifiedSequence() == snapshot.getJsonNumber("auditSequence")
                .longValue() && snapshot.getString("auditHash").equals(trail.chain().lastVerifiedHash());
        if (trail.isIntact() && headMatches) {
            checks.add("OK audit trail: " + trail.verifiedCount() + " events chain up to the head the set recorded"
                    + " (sequence " + trail.chain().lastVerifiedSequence() + "), " + trail.checkpointsVerified()
                    + " signed checkpoint(s) verified");
        } else {
            ok = false;
            checks.add("FAILED audit trail: " + (trail.isIntact() ? "the restored head is sequence "
                    + trail.chain().lastVerifiedSequence() + ", the set recorded "
                    + snapshot.getJsonNumber("auditSequence") : trail.reason() + " at sequence "
                    + trail.firstBadSequence()));
        }
        return ok;
    }
}
