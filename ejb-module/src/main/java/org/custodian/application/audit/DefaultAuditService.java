package org.custodian.application.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.custodian.application.audit.proof.AuditVerification;
import org.custodian.application.audit.proof.CheckpointSigner;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditCheckpointRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditPrunePointRepository;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.StoredLink;

@Stateless
public class DefaultAuditService implements AuditService {

    /** Events read per round trip during verification (plain JDBC, no persistence context). */
    static final int VERIFY_PAGE = 5000;

    /** Pages read at once during verification: two keep both cores busy between the database and the hashing. */
    static final int VERIFY_READERS = 2;

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditCheckpointRepository checkpoints;

    @Inject
    private AuditPrunePointRepository prunePoints;

    /** Reads ahead and hashes in parallel during verification (the container's default executor). */
    @Resource
    private ManagedExecutorService executor;

    @EJB
    private PolicyService policy;

    @Inject
    private CheckpointSigner signer;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private SequenceAfterCommit afterCommit;

    private static final int FIELDS_MAX = 1024;

    /** The size of the resource_id column; longer ids (a crafted URL) are cut and marked, not a 500. */
    static final int RESOURCE_ID_MAX = 2048;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void record(Caller caller, String action, String resourceType, String resourceId,
            Collection<String> fields, AuditOutcome outcome) {
        events.enqueue(List.of(toRecord(caller, new Entry(action, resourceType, resourceId, fields, outcome))),
                clock.instant());
        sequenceAfterCommit();
    }

    @Override
    public void recordAll(Caller caller, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<AuditRecord> records = new ArrayList<>(entries.size());
        entries.forEach(entry -> records.add(toRecord(caller, entry)));
        // a chunk's thousand events are chained at once under the head's lock: as pending rows each would be
        // written three times (pending, chained, deleted), which made the retention purge 30 % slower
        events.appendNow(records, clock.instant());
    }

    /**
     * The events just recorded are pending in the caller's transaction; once per transaction, a hook chains them
     * right after it commits. A transaction already marked for rollback takes its pending rows with it.
     */
    private void sequenceAfterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE
                || transactions.getResource(SequenceAfterCommit.class) != null) {
            return;
        }
        transactions.putResource(SequenceAfterCommit.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(afterCommit.hook());
    }

    private static AuditRecord toRecord(Caller caller, Entry entry) {
        Collection<String> fields = entry.fields();
        String fieldList = fields == null || fields.isEmpty() ? null : fieldList(new TreeSet<>(fields));
        return new AuditRecord(caller.username(), caller.rolesText(), entry.action(), entry.resourceType(),
                resourceId(entry.resourceId()), fieldList, entry.outcome(), caller.requestId(),
                caller.clientAddress());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordNow(Caller caller, String action, String resourceType, String resourceId,
            Collection<String> fields, AuditOutcome outcome) {
        record(caller, action, resourceType, resourceId, fields, outcome);
    }

    static String resourceId(String resourceId) {
        if (resourceId == null || resourceId.length() <= RESOURCE_ID_MAX) {
            return resourceId;
        }
        String marker = "...[truncated " + resourceId.length() + " chars]";
        return resourceId.substring(0, RESOURCE_ID_MAX - marker.length()) + marker;
    }

    /** Joined with commas; past the column's size the tail is counted rather than failing the operation. */
    static String fieldList(Collection<String> fields) {
        StringBuilder joined = new StringBuilder();
        int written = 0;
        for (String field : fields) {
            String more = "+" + (fields.size() - written) + " more";
            if (joined.length() + field.length() + 1 + more.length() + 1 > FIELDS_MAX) {
                return joined.append(more).toString();
            }
            joined.append(field).append(',');
            written++;
        }
        return joined.substring(0, joined.length() - 1);
    }

    @Override
    public AuditVerification verify(Caller caller) {
        policy.enforce(caller, Permission.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null);
        AuditVerification result = walkChain();
        record(caller, AuditActions.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null, null, AuditOutcome.SUCCESS);
        return result;
    }

    private AuditVerification walkChain() {
        AuditVerification result = walkChainOnce();
        // a pruning that committed during the walk removed events it was about to read: walk again from the new point
        if (!result.intact() && prunePoints.latest().map(AuditPrunePoint::getTreeSize).orElse(0L)
                != result.prunedTo()) {
            result = walkChainOnce();
        }
        return result;
    }

    private AuditVerification walkChainOnce() {
        // The pruning point first, then the head (a pruning commits both, with the event announcing it): events
        // appended while we walk are not part of this verification.
        AuditPrunePoint pruned = prunePoints.latest().orElse(null);
        AuditChainHead head = events.readHead();
        AuditTrailVerifier verifier = AuditTrailVerifier.startingAt(pruned, checkpoints.all(), signer::verify);
        long start = pruned == null ? 0 : pruned.getTreeSize();
        long last = head.getLastSequence();
        // Pages of sequences are read and hashed on the executor, up to VERIFY_READERS at once (each on its own
        // connection, so PostgreSQL formats rows on as many backends); here only the comparisons along the chain
        // and the tree run, in order.
        Deque<Future<List<StoredLink>>> reading = new ArrayDeque<>();
        long nextPage = start;
        try {
            nextPage = readAhead(reading, nextPage, last);
            while (verifier.isIntact() && !reading.isEmpty()) {
                List<StoredLink> page = reading.poll().get();
                nextPage = readAhead(reading, nextPage, last);
                for (StoredLink link : page) {
                    if (!verifier.accept(link)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("reading the audit trail failed", e.getCause());
        } finally {
            reading.forEach(page -> page.cancel(false));
        }
        verifier.finish(head.getLastSequence(), head.getLastHash());
        return AuditVerification.of(verifier.isIntact(), verifier.verifiedCount(), verifier.firstBadSequence(),
                verifier.checkpointsVerified(), verifier.reason(), verifier.prunedTo());
    }

    /** Keeps VERIFY_READERS pages being read; returns where the next page starts. */
    private long readAhead(Deque<Future<List<StoredLink>>> reading, long nextPage, long last) {
        long after = nextPage;
        while (reading.size() < VERIFY_READERS && after < last) {
            long from = after;
            long upTo = Math.min(last, from + VERIFY_PAGE);
            reading.add(executor.submit(() -> events.readLinks(from, upTo)));
            after = upTo;
        }
        return after;
    }
}
