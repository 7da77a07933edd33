package org.custodian.domain.model.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * One backup set in the catalog: a directory on a backup target holding encrypted data files, a manifest and its
 * signature. It becomes COMPLETE only once everything is on disk under its final name; until then it is RUNNING,
 * and a run that dies leaves it RUNNING until the next start marks it FAILED. Expired sets keep their row.
 */
@Entity
@Table(name = "backup_set")
@NamedQuery(name = "BackupSet.findAll", query = "SELECT b FROM BackupSet b ORDER BY b.startedAt DESC, b.id DESC")
@NamedQuery(name = "BackupSet.findByStatus",
        query = "SELECT b FROM BackupSet b WHERE b.status = :status ORDER BY b.snapshotAt, b.id")
@NamedQuery(name = "BackupSet.findNewestComplete", query = "SELECT b FROM BackupSet b WHERE b.target = :target"
        + " AND b.status = org.custodian.domain.model.backup.BackupStatus.COMPLETE"
        + " ORDER BY b.snapshotAt DESC, b.id DESC")
public class BackupSet {

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backup_set_seq")
    @SequenceGenerator(name = "backup_set_seq", sequenceName = "backup_set_seq", allocationSize = 50)
    private Long id;

    @Column(name = "set_name", nullable = false, length = 80)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "backup_type", nullable = false, length = 12)
    private BackupType type;

    @Column(name = "base_id")
    private Long baseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private BackupStatus status;

    @Column(nullable = false, length = 64)
    private String target;

    @Column(length = 200)
    private String regions;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "job_execution_id", nullable = false)
    private long jobExecutionId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "snapshot_at")
    private Instant snapshotAt;

    /** PostgreSQL's pg_snapshot of the export's transaction: what the next incremental must not repeat. */
    @Column(name = "snapshot_ids", length = 100000)
    private String snapshotIds;

    @Column(name = "audit_sequence")
    private Long auditSequence;

    @Column(name = "schema_version", length = 32)
    private String schemaVersion;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "row_count")
    private Long rowCount;

    @Column(name = "manifest_sha256", length = 64)
    private String manifestSha256;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verify_result", length = 2000)
    private String verifyResult;

    @Column(name = "expired_at")
    private Instant expiredAt;

    @Column(name = "expiry_reason", length = 200)
    private String expiryReason;

    @Column(length = 2000)
    private String failure;

    /** The change log was pruned up to this set's snapshot: changes before it are no longer logged. */
    @Column(name = "log_pruned", nullable = false)
    private boolean logPruned;

    protected BackupSet() {
        // for JPA
    }

    /** A set being written; base is the newest complete set when the type is INCREMENTAL, else null. */
    public BackupSet(BackupType type, BackupSet base, String target, String reason, String requestedBy,
            long jobExecutionId, Instant now) {
        RuleCheck check = new RuleCheck()
                .require(type != null, "type", "is required: FULL or INCREMENTAL")
                .require(type != BackupType.INCREMENTAL || base != null, "type",
                        "INCREMENTAL needs a complete earlier set to build on; take a FULL backup first")
                .require(base == null || base.status == BackupStatus.COMPLETE, "type",
                        "an incremental can only build on a COMPLETE set")
                .requireText(reason, "reason", 3, 1000);
        check.throwIfAny();
        this.type = type;
        this.baseId = type == BackupType.INCREMENTAL ? base.id : null;
        this.status = BackupStatus.RUNNING;
        this.target = target;
        this.reason = reason.trim();
        this.requestedBy = requestedBy;
        this.jobExecutionId = jobExecutionId;
        this.startedAt = now;
        // the execution id makes the name unique and tells the operator which run wrote the set
        this.name = "custodian-" + NAME_TIME.format(now) + "-" + type.name().toLowerCase(Locale.ROOT) + "-e"
                + jobExecutionId;
    }

    /** Records what the export's snapshot saw, before any file is written. */
    public void snapshotTaken(Instant at, String snapshotIds, long auditSequence, String schemaVersion,
            String regions) {
        requireStatus(BackupStatus.RUNNING, "record a snapshot");
        this.snapshotAt = at;
        this.snapshotIds = snapshotIds;
        this.auditSequence = auditSequence;
        this.schemaVersion = schemaVersion;
        this.regions = regions;
    }

    public void complete(long sizeBytes, long rowCount, String manifestSha256, Instant now) {
        requireStatus(BackupStatus.RUNNING, "complete");
        this.status = BackupStatus.COMPLETE;
        this.sizeBytes = sizeBytes;
        this.rowCount = rowCount;
        this.manifestSha256 = manifestSha256;
        this.completedAt = now;
    }

    public void fail(String why, Instant now) {
        requireStatus(BackupStatus.RUNNING, "fail");
        this.status = BackupStatus.FAILED;
        this.failure = why == null ? "unknown failure" : why.length() > 2000 ? why.substring(0, 2000) : why;
        this.completedAt = now;
    }

    public void expire(String why, Instant now) {
        requireStatus(BackupStatus.COMPLETE, "expire");
        this.status = BackupStatus.EXPIRED;
        this.expiryReason = why.length() > 200 ? why.substring(0, 200) : why;
        this.expiredAt = now;
    }

    /** Result of an integrity check of the files on disk ("OK" or what was wrong, naming the file). */
    public void verified(String result, Instant now) {
        this.verifyResult = result.length() > 2000 ? result.substring(0, 2000) : result;
        this.verifiedAt = now;
    }

    private void requireStatus(BackupStatus required, String step) {
        if (status != required) {
            throw new DomainRuleViolationException("status",
                    "backup set " + name + " is " + status + "; only a " + required + " set can " + step);
        }
    }

    public void changeLogPrunedHere() {
        this.logPruned = true;
    }

    public boolean isLogPruned() {
        return logPruned;
    }

    public BackupSetSummary summary(boolean pinned) {
        return new BackupSetSummary(id, type, baseId, snapshotAt, pinned);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BackupType getType() {
        return type;
    }

    public Long getBaseId() {
        return baseId;
    }

    public BackupStatus getStatus() {
        return status;
    }

    public String getTarget() {
        return target;
    }

    public String getRegions() {
        return regions;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public long getJobExecutionId() {
        return jobExecutionId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getSnapshotAt() {
        return snapshotAt;
    }

    public String getSnapshotIds() {
        return snapshotIds;
    }

    public Long getAuditSequence() {
        return auditSequence;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public Long getRowCount() {
        return rowCount;
    }

    public String getManifestSha256() {
        return manifestSha256;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getVerifyResult() {
        return verifyResult;
    }

    public Instant getExpiredAt() {
        return expiredAt;
    }

    public String getExpiryReason() {
        return expiryReason;
    }

    public String getFailure() {
        return failure;
    }
}
