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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.AuditTrailVerifier;

@Stateless
public class AuditServiceBean implements AuditService {

    /** Events read per round trip during verification (plain JDBC, no persistence context). */
    static final int VERIFY_PAGE = 5000;

    @Inject
    private AuditEventRepository events;

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
        if (!result.intact() && events.latestPrunePoint().map(AuditPrunePoint::getTreeSize).orElse(0L)
                != result.prunedTo()) {
            result = walkChainOnce();
        }
        return result;
    }

    private AuditVerification walkChainOnce() {
        // The pruning point first, then the head (a pruning commits both, with the event announcing it): events
        // appended while we walk are not part of this verification.
        AuditPrunePoint pruned = events.latestPrunePoint().orElse(null);
        AuditChainHead head = events.readHead();
        AuditTrailVerifier verifier = AuditTrailVerifier.startingAt(pruned, events.checkpoints(), signer::verify);
        long start = pruned == null ? 0 : pruned.getTreeSize();
        // A pipeline over the pages: the next page is read while this one is hashed, and each page's hashes are
        // computed on two threads; only the comparison along the chain and the tree stay in order.
        Future<List<AuditEvent>> next = verifier.isIntact() ? executor.submit(() -> events.findAfter(start, VERIFY_PAGE))
                : null;
        try {
            while (next != null && verifier.isIntact()) {
                List<AuditEvent> page = next.get();
                if (page.isEmpty()) {
                    break;
                }
                long after = page.get(page.size() - 1).getSequence();
                boolean more = after < head.getLastSequence() && page.size() == VERIFY_PAGE;
                next = more ? executor.submit(() -> events.findAfter(after, VERIFY_PAGE)) : null;
                AuditEvent.Digests[] digests = digests(page);
                for (int i = 0; i < page.size(); i++) {
                    AuditEvent event = page.get(i);
                    if (event.getSequence() > head.getLastSequence() || !verifier.accept(event, digests[i])) {
                        break;
                    }
                }
                if (next == null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("reading the audit trail failed", e.getCause());
        } finally {
            if (next != null) {
                next.cancel(false);
            }
        }
        verifier.finish(head.getLastSequence(), head.getLastHash());
        return AuditVerification.of(verifier.isIntact(), verifier.verifiedCount(), verifier.firstBadSequence(),
                verifier.checkpointsVerified(), verifier.reason(), verifier.prunedTo());
    }

    /** The page's digests, the second half computed on another thread while this one does the first. */
    private AuditEvent.Digests[] digests(List<AuditEvent> page) throws InterruptedException, ExecutionException {
        AuditEvent.Digests[] digests = new AuditEvent.Digests[page.size()];
        int half = page.size() / 2;
        Future<?> second = executor.submit(() -> {
            for (int i = half; i < page.size(); i++) {
                digests[i] = page.get(i).digests();
            }
        });
        for (int i = 0; i < half; i++) {
            digests[i] = page.get(i).digests();
        }
        second.get();
        return digests;
    }
}
