package org.custodian.application.retention;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.retention.RetentionProgress;
import org.custodian.domain.model.retention.RetentionResumePoint;

public interface RetentionService {

    List<PolicyView> policies(Caller caller);

    PolicyView createPolicy(Caller caller, PolicyInput input);

    PolicyView revisePolicy(Caller caller, long id, PolicyInput input, Long expectedVersion);

    List<HoldView> holds(Caller caller);

    HoldView placeHold(Caller caller, HoldInput input);

    HoldView releaseHold(Caller caller, long id, String reason);

    /** What a purge as of {@code asOf} (ISO-8601, default now) would do: per-outcome counts and the tickets. */
    Preview preview(Caller caller, String asOf);

    /**
     * For the job: the decisions for the next tickets after {@code afterId} (KEEP included) of one partition (ids
     * with {@code id mod partitions = partition}), in id order, each with the reason it cannot be carried out (a
     * deleted ticket other records must keep), if any.
     */
    List<Item> decideAfter(long afterId, int limit, Instant asOf, int partition, int partitions);

    /**
     * For the job's writer: applies anonymize/delete to the items, re-checking legal holds in this very
     * transaction (a hold placed while the job runs wins); returns what was actually done per outcome.
     */
    Applied apply(List<Item> items, Instant asOf, boolean dryRun, Caller job);

    /**
     * For the job, first thing in every chunk's transaction: the legal-hold guard's shared lock. Taken before
     * anything can lock the audit chain head (a skipped ticket is recorded while the chunk is read), so a chunk
     * and a hold placement always lock in the same order (guard, then chain head) and cannot deadlock.
     */
    void beginChunk();

    /**
     * For the job: moves a partition on to {@code lastTicketId} and adds the chunk's counts, in the chunk's
     * transaction.
     */
    void countProgress(long jobInstanceId, int partition, long lastTicketId, RetentionProgress more);

    /** For the job: where a partition of the job instance stands, if it has finished a chunk. */
    Optional<RetentionResumePoint> resumePoint(long jobInstanceId, int partition);

    /** For the job's summary: what every partition of the job instance did, over all its executions. */
    RetentionProgress progress(long jobInstanceId);

    record PolicyInput(String name, List<String> categories, List<String> regions, String clock, Integer days,
            String action, Boolean active, String reason) {
    }

    record PolicyView(long id, String name, Set<String> categories, List<String> regions, String clock, int days,
            String action, boolean active, long version, String reason, String changedBy, Instant changedAt)
                    implements java.io.Serializable {
    }

    record HoldInput(String scope, Long customerId, Long ticketId, List<String> categories, List<String> regions,
            String createdFrom, String createdTo, String reason, String authority) {
    }

    record HoldView(long id, String scope, Long customerId, Long ticketId, Set<String> categories,
            List<String> regions, Instant createdFrom, Instant createdTo, String reason, String authority,
            String createdBy, Instant createdAt, String releasedBy, Instant releasedAt, String releaseReason,
            boolean active) implements java.io.Serializable {
    }

    /** One ticket's retention decision, as the job carries it from reader to writer. */
    record Item(long ticketId, String outcome, Long policyId, Long holdId, String obstacle)
            implements Serializable {
    }

    /** @param attachments removed with the anonymized and deleted tickets (#24) */
    record Applied(int anonymized, int deleted, int held, int gone, int attachments) implements Serializable {

        public Applied(int anonymized, int deleted, int held, int gone) {
            this(anonymized, deleted, held, gone, 0);
        }
    }

    record Preview(Instant asOf, long examined, long anonymize, long delete, long held, List<Item> items,
            boolean truncated) implements java.io.Serializable {
    }
}
