package org.custodian.application.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.custodian.domain.model.audit.AuditEventRepository;

/**
 * Chains committed pending events into the trail (see {@code AuditSequencing}): right after every transaction that
 * recorded events ({@link SequenceAfterCommit}), and on {@link PendingAuditSweepSchedule}'s timer for rows whose
 * transaction committed but whose process died before chaining them.
 *
 * <p>Stateless, so that the after-commit thread can call it while the application is still starting (a startup
 * bean that records events waits for them to be chained; a singleton still being set up would keep it waiting).
 */
@Stateless
public class AuditSequencer {

    /** Events chained per transaction: large enough for a retention chunk's thousand skeletons in one. */
    public static final int BATCH = 5000;

    @Inject
    private AuditEventRepository events;

    @Resource
    private SessionContext context;

    /**
     * Chains every event committed before this call, batch by batch, each batch in a transaction of its own.
     * Returns how many this call chained (others may have been chained meanwhile by another caller).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long drain() {
        AuditSequencer self = context.getBusinessObject(AuditSequencer.class);
        long chained = 0;
        int batch;
        do {
            batch = self.sequenceBatch();
            chained += batch;
        } while (batch == BATCH);
        return chained;
    }

    /** One batch under the head's lock; when nothing was pending, ends without writing (no commit to flush). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sequenceBatch() {
        int chained = events.sequencePending(BATCH);
        if (chained == 0) {
            context.setRollbackOnly();
        }
        return chained;
    }

    /** Committed events waiting to be chained (health and metrics). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pending() {
        return events.pendingCount();
    }
}
