package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.retention.RetentionService.Item;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/** Each skipped ticket goes into the trail with the reason, so nothing is left out silently. */
@Dependent
@Named
public class RetentionSkipListener implements SkipProcessListener {

    @EJB
    AuditService audit;

    @Inject
    JobContext job;

    @Inject
    RetentionRun run;

    @Override
    public void onSkipProcessItem(Object item, Exception cause) {
        long ticketId = item instanceof Item read ? read.ticketId()
                : cause instanceof RetentionSkipException skip ? skip.ticketId() : -1;
        audit.record(Caller.system("batch:retention-purge", "job-" + job.getExecutionId()),
                AuditActions.RETENTION_SKIPPED, AuditActions.TICKET, String.valueOf(ticketId),
                List.of("reason=" + cause.getMessage()), AuditOutcome.FAILURE);
        // counted with the chunk (see RetentionChunkListener), so the summary of a restarted run includes it
        run.state().ifPresent(RetentionPartitionState::skipped);
    }
}
