package org.custodian.application.slo;

import java.time.Instant;
import java.util.List;

/**
 * The raw facts the objectives are measured from, read from the tables that already record them (no counters of
 * their own): the request register and the erasure and restriction ledgers, the backup catalog and restore runs,
 * the audit trail, its checkpoints and SIEM positions, tickets and alerts, access review campaigns.
 */
public interface GovernanceFacts {

    /**
     * A subject request: {@code answeredAt} is when it became COMPLETED or REJECTED (a final request changes no
     * more, so its last update is that moment), {@code carriedOutAt} when its erasure or first restriction was
     * recorded in the ledger, {@code blocked} whether a legal hold stops it now.
     */
    record SubjectRequest(long id, String type, Instant receivedAt, Instant dueAt, Instant answeredAt,
            Instant carriedOutAt, boolean rejected, boolean blocked) {
    }

    /** Requests answered since {@code since}, and every request still open. */
    List<SubjectRequest> subjectRequests(Instant since);

    /** A restore drill: when it ended, its measured RTO, whether every check passed. */
    record Drill(Instant finishedAt, Long rtoMillis, boolean ok) {
    }

    /**
     * The backups of one target: sets started since the window's start that completed (COMPLETE, or EXPIRED since)
     * and that failed; the snapshot time of the newest complete set; the last finished drill and the last good one.
     */
    record Backups(String target, long completed, long failed, Instant newestSnapshotAt, Drill lastDrill,
            Instant lastGoodDrillAt) {
    }

    Backups backups(String target, Instant since);

    /** How far one SIEM sink has delivered: the oldest event not yet delivered (null: it is up to date). */
    record SinkLag(String sink, long deliveredSequence, Instant oldestUndeliveredAt) {
    }

    /**
     * The audit trail's freshness: the newest checkpoint's time and the oldest event it does not cover yet (null
     * when it covers all), the last full verification (AUDIT_VERIFY event), and the SIEM sinks' positions.
     */
    record Audit(Instant newestCheckpointAt, Instant oldestUnsignedAt, Instant lastVerificationAt,
            List<SinkLag> sinks) {
    }

    Audit audit(String excludedSink);

    /** A SECURITY ticket: created, and its first comment by a person (null: none yet). */
    record SecurityTicket(long id, Instant createdAt, Instant firstResponseAt) {
    }

    List<SecurityTicket> securityTickets(Instant since);

    /** Anomaly alerts whose SECURITY ticket is still unresolved and that were raised before {@code before}. */
    long alertsOpenSince(Instant before);

    /** An access review campaign: its deadline and when it was closed (null: still open). */
    record Review(long id, Instant deadline, Instant closedAt) {
    }

    /** Campaigns whose deadline falls in [since, now], and campaigns closed in that time. */
    List<Review> reviews(Instant since, Instant now);
}
