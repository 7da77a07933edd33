package org.custodian.application.audit.proof;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditCheckpointRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditPrunePointRepository;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.StoredLink;

@Stateless
public class DefaultAuditVerificationService implements AuditVerificationService {

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

    @EJB
    private AuditService audit;

    @Inject
    private CheckpointSigner signer;

    @Override
    public AuditVerification verify(Caller caller) {
        policy.enforce(caller, Permission.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null);
        AuditVerification result = walkChain();
        audit.record(caller, AuditActions.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null, null, AuditOutcome.SUCCESS);
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

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AuditPrunePoint> prunePoint() {
        return prunePoints.latest();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuditChainHead head() {
        return events.readHead();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditCheckpoint> checkpoints() {
        return checkpoints.all();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> eventsAfter(long afterSequence, int limit) {
        return events.findAfter(afterSequence, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean announced(AuditPrunePoint point) {
        return prunePoints.announced(point);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean signatureValid(AuditCheckpoint checkpoint) {
        return signer.verify(checkpoint);
    }
}
