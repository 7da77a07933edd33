package org.custodian.domain.model.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

public interface RetentionRepository {

    List<RetentionPolicy> policies(boolean activeOnly);

    Optional<RetentionPolicy> findPolicyForUpdate(long id);

    void store(RetentionPolicy policy);

    List<LegalHold> holds(boolean activeOnly);

    Optional<LegalHold> findHoldForUpdate(long id);

    void store(LegalHold hold);

    /**
     * Up to {@code limit} tickets with an id above {@code afterId} and {@code id mod partitions = partition}, in id
     * order (the purge's stable order), as the facts retention decides on.
     */
    List<RetentionSubject> subjectsAfter(long afterId, int limit, int partition, int partitions);

    /** The tickets of these customers, as the facts retention and legal holds decide on. */
    List<RetentionSubject> subjectsOfCustomers(Collection<Long> customerIds);

    /**
     * Locks the tickets (in id order, so two lockers cannot deadlock) until the transaction ends and returns what
     * retention decides on as of now; ids no longer there are left out.
     */
    List<RetentionSubject> lockSubjects(Collection<Long> ticketIds);

    /**
     * Waits for and holds, until the transaction ends, the lock that placing a legal hold also takes: whoever
     * reads the holds after this sees every hold placed before, and none can be placed until this commits.
     */
    void lockHoldGuard();

    /**
     * Like {@link #lockHoldGuard()} for a purge chunk: chunks of parallel partitions share the lock with each other,
     * while placing a hold still waits for all of them and they for it.
     */
    void shareHoldGuard();

    /** Replaces the personal text of the tickets and their comments and marks them anonymized. */
    void anonymize(Collection<Long> ticketIds, Instant now);

    /** Removes the tickets and their comments. */
    void delete(Collection<Long> ticketIds);

    /** How many attachments each of the tickets holds (tickets without any are left out). */
    Map<Long, Integer> attachmentCounts(Collection<Long> ticketIds);

    /**
     * Removes the attachments of the tickets, rows and encrypted chunks (#24): a purged ticket's files go with its
     * texts, whether it is anonymized or deleted. Returns how many.
     */
    int removeAttachments(Collection<Long> ticketIds);

    /**
     * The tickets holding attachments encrypted under these customers' data keys (#24), whoever the tickets belong
     * to now: destroying those keys destroys these files, so a hold on any of these tickets must block it.
     */
    List<RetentionSubject> subjectsWithAttachmentsOf(Collection<Long> customerIds);

    /** Which of the tickets something that must outlive them refers to (a break-glass override, an alert). */
    Set<Long> referenced(Collection<Long> ticketIds);

    /** Moves one partition of a purge job instance on to {@code lastTicketId} and adds to what it did. */
    void countProgress(long jobInstanceId, int partition, long lastTicketId, RetentionProgress more);

    /** Where one partition of a purge job instance stands: its last ticket and the count it examined. */
    Optional<RetentionResumePoint> resumePoint(long jobInstanceId, int partition);

    /** What all partitions of a purge job instance did, over all its executions. */
    RetentionProgress progress(long jobInstanceId);
}
