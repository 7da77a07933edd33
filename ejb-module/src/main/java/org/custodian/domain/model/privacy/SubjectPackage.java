package org.custodian.domain.model.privacy;

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

/**
 * A subject access or portability package: built by a job, downloaded by the subject through an expiring link
 * whose token only the privacy officer ever sees (the table keeps its SHA-256), deleted when the link expires.
 */
@Entity
@Table(name = "subject_package")
@NamedQuery(name = "SubjectPackage.byToken", query = "SELECT p FROM SubjectPackage p WHERE p.tokenSha256 = :hash")
@NamedQuery(name = "SubjectPackage.byRequest", query = "SELECT p FROM SubjectPackage p WHERE p.requestId = :requestId"
        + " ORDER BY p.createdAt DESC, p.id DESC")
@NamedQuery(name = "SubjectPackage.expiredBefore", query = "SELECT p FROM SubjectPackage p WHERE p.expiresAt < :now"
        + " AND p.status <> org.custodian.domain.model.privacy.SubjectPackage.Status.EXPIRED")
public class SubjectPackage {

    public enum Status { BUILDING, READY, FAILED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_package_seq")
    @SequenceGenerator(name = "subject_package_seq", sequenceName = "subject_package_seq", allocationSize = 50)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "token_sha256", nullable = false, length = 64)
    private String tokenSha256;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ready_at")
    private Instant readyAt;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "content_sha256", length = 64)
    private String contentSha256;

    @Column(nullable = false)
    private int downloads;

    @Column(length = 2000)
    private String failure;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    protected SubjectPackage() {
    }

    public SubjectPackage(long requestId, String tokenSha256, String requestedBy, Instant now, Instant expiresAt) {
        this.requestId = requestId;
        this.tokenSha256 = tokenSha256;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.status = Status.BUILDING;
    }

    public void startedAs(long executionId) {
        jobExecutionId = executionId;
    }

    public void ready(long size, String sha256, Instant now) {
        status = Status.READY;
        sizeBytes = size;
        contentSha256 = sha256;
        readyAt = now;
        failure = null;
    }

    public void failed(String why) {
        status = Status.FAILED;
        failure = why == null ? "unknown failure" : why.length() > 2000 ? why.substring(0, 2000) : why;
    }

    public void expired() {
        status = Status.EXPIRED;
    }

    public void downloaded() {
        downloads++;
    }

    public boolean isExpiredAt(Instant now) {
        return status == Status.EXPIRED || !expiresAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public Status getStatus() {
        return status;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getReadyAt() {
        return readyAt;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public int getDownloads() {
        return downloads;
    }

    public String getFailure() {
        return failure;
    }

    public String getRequestedBy() {
        return requestedBy;
    }
}
