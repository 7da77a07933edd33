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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One restore of a backup chain and what it proved: the point in time reached, the restore time (RTO), the age of
 * the newest restored change when the restore started (RPO), and every check with its result.
 */
@Entity
@Table(name = "restore_run")
@NamedQuery(name = "RestoreRun.findAll", query = "SELECT r FROM RestoreRun r ORDER BY r.startedAt DESC, r.id DESC")
public class RestoreRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "restore_run_seq")
    @SequenceGenerator(name = "restore_run_seq", sequenceName = "restore_run_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RestoreKind kind;

    @Column(name = "set_id", nullable = false)
    private long setId;

    @Column(name = "set_name", nullable = false, length = 80)
    private String setName;

    @Column(nullable = false, length = 4000)
    private String chain;

    @Column(name = "target_schema", nullable = false, length = 63)
    private String targetSchema;

    @Column(name = "point_in_time")
    private Instant pointInTime;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "job_execution_id", nullable = false)
    private long jobExecutionId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "rto_ms")
    private Long rtoMillis;

    @Column(name = "rpo_ms")
    private Long rpoMillis;

    @Column(name = "rows_restored")
    private Long rowsRestored;

    private Boolean ok;

    @Column(length = 8000)
    private String checks;

    @Column(length = 2000)
    private String failure;

    protected RestoreRun() {
        // for JPA
    }

    /** chain: the sets restored, oldest (the full) first; the last one is the point in time reached. */
    public RestoreRun(RestoreKind kind, List<BackupSet> chain, String targetSchema, String requestedBy, String reason,
            long jobExecutionId, Instant now) {
        BackupSet last = chain.get(chain.size() - 1);
        this.kind = kind;
        this.setId = last.getId();
        this.setName = last.getName();
        this.chain = String.join(",", chain.stream().map(BackupSet::getName).toList());
        if (this.chain.length() > 4000) {
            this.chain = this.chain.substring(0, 3990) + ",...";
        }
        this.targetSchema = targetSchema;
        this.pointInTime = last.getSnapshotAt();
        this.requestedBy = requestedBy;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.jobExecutionId = jobExecutionId;
        this.startedAt = now;
    }

    /** RTO is the time the restore took; RPO how much older than the restore's start the restored state is. */
    public void finished(boolean ok, long rows, List<String> checks, Instant now) {
        this.ok = ok;
        this.rowsRestored = rows;
        this.finishedAt = now;
        this.rtoMillis = Duration.between(startedAt, now).toMillis();
        this.rpoMillis = pointInTime == null ? null : Duration.between(pointInTime, startedAt).toMillis();
        String joined = String.join("\n", checks);
        this.checks = joined.length() > 8000 ? joined.substring(0, 7990) + "\n..." : joined;
    }

    public void failed(String why, List<String> checks, Instant now) {
        finished(false, rowsRestored == null ? 0 : rowsRestored, checks, now);
        this.failure = why == null ? "unknown failure" : why.length() > 2000 ? why.substring(0, 2000) : why;
    }

    public Long getId() {
        return id;
    }

    public RestoreKind getKind() {
        return kind;
    }

    public long getSetId() {
        return setId;
    }

    public String getSetName() {
        return setName;
    }

    public String getChain() {
        return chain;
    }

    public String getTargetSchema() {
        return targetSchema;
    }

    public Instant getPointInTime() {
        return pointInTime;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }

    public long getJobExecutionId() {
        return jobExecutionId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Long getRtoMillis() {
        return rtoMillis;
    }

    public Long getRpoMillis() {
        return rpoMillis;
    }

    public Long getRowsRestored() {
        return rowsRestored;
    }

    public Boolean getOk() {
        return ok;
    }

    public String getChecks() {
        return checks;
    }

    public String getFailure() {
        return failure;
    }
}
