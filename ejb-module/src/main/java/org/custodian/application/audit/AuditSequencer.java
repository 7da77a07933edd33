package org.custodian.application.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.PendingAuditRecord;

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

    private static final Logger LOG = Logger.getLogger(AuditSequencer.class.getName());

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
        return drain(List.of());
    }

    /**
     * {@link #drain()}, with {@code held} (events of committed reads kept in memory, see {@link SequenceAfterCommit})
     * chained in the first batch, after the pending rows committed before them. Throws if that batch fails: the
     * held events are then not in the trail, and their requests must not answer with what they read.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long drain(List<PendingAuditRecord> held) {
        AuditSequencer self = context.getBusinessObject(AuditSequencer.class);
        long chained = held.size();
        int batch;
        try {
            batch = self.sequenceBatch(held);
        } catch (RuntimeException e) {
            if (held.isEmpty()) {
                throw e;
            }
            // a pending row the trail refuses must not take every read down with it: the reads go in alone, and
            // the pending rows wait for the timer (and the warning below)
            LOG.log(Level.WARNING, "Chaining pending audit events failed; the events of " + held.size()
                    + " reads are chained without them: " + e.getMessage(), e);
            self.sequenceHeldOnly(held);
            return chained;
        }
        chained += batch;
        while (batch == BATCH) {
            batch = self.sequenceBatch(List.of());
            chained += batch;
        }
        return chained;
    }

    /**
     * One batch of pending rows, then {@code held}, under the head's lock; returns how many pending rows it chained.
     * When there was nothing at all, ends without writing (no commit to flush).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sequenceBatch(List<PendingAuditRecord> held) {
        int chained = events.sequencePending(BATCH, held);
        if (chained == 0 && held.isEmpty()) {
            context.setRollbackOnly();
        }
        return chained;
    }

    /** {@code held} alone, without any pending row. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sequenceHeldOnly(List<PendingAuditRecord> held) {
        events.sequencePending(0, held);
    }

    /** Committed events waiting to be chained (health and metrics). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pending() {
        return events.pendingCount();
    }
}
