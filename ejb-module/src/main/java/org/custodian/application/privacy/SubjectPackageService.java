package org.custodian.application.privacy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Subject access and portability packages (Art. 15, 20): a ZIP with the subject's data as JSON (documented in
 * docs/privacy-package.md) and as an HTML page, built by the subject-package job and downloaded by the subject
 * through an expiring link. Every step, the download included, is audited.
 */
public interface SubjectPackageService {

    /**
     * Registers a package for an ACCESS or PORTABILITY request that is IN_PROGRESS and returns the one-time view of
     * its download token; the job that builds it is started by the caller (the batch module).
     */
    Prepared prepare(Caller caller, long requestId);

    /** Records which job execution builds the package. */
    void startedAs(long packageId, long executionId);

    /** Builds the package (the job's step): reads everything about the subject and writes the ZIP. */
    PackageView build(long packageId, Caller job);

    /** The request's packages, newest first (never a token). */
    List<PackageView> packages(Caller caller, long requestId);

    /** The ZIP behind a download token, counted and audited; 404 unknown, 410 expired, 409 not ready yet. */
    Download download(String token, String clientAddress);

    /** Deletes the files of packages whose link expired and marks them EXPIRED; returns how many. */
    int expire();

    /** Records, in a transaction of its own, that building a package failed (the job's failure path). */
    void markFailed(long packageId, Caller job, String why);

    /** Revokes one package of a request (its link stops working, its file is deleted). */
    PackageView revoke(Caller caller, long requestId, long packageId, String reason);

    /** Revokes every live package of every request about these customer records (an erasure); returns how many. */
    int revokeForCustomers(Collection<Long> customerIds, String reason);

    /** @param downloadPath the link to give the subject (relative to the server); shown once */
    record Prepared(PackageView view, String downloadPath) {
    }

    record PackageView(long id, long requestId, String status, Long jobExecutionId, Instant createdAt,
            Instant expiresAt, Instant readyAt, Long sizeBytes, String contentSha256, int downloads, String failure) {
    }

    record Download(Path file, String fileName, long size) {
    }
}
