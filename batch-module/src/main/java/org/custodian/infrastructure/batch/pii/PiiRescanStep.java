package org.custodian.infrastructure.batch.pii;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.custodian.application.job.BatchJob;
import org.custodian.application.pii.PiiRescanService;
import org.custodian.application.pii.RescanTarget;
import org.custodian.application.pii.Rescanned;

/**
 * One step of pii-rescan as its reader and writer share it: the records of its target, and its totals, which are
 * the step's persistent user data (saved with the chunks) and its exit status (which the console shows).
 */
@Dependent
public class PiiRescanStep {

    @EJB
    PiiRescanService rescans;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    /** Up to {@code size} ids of {@code target}'s records after {@code after}, ascending. */
    List<Long> next(String target, long after, int size) {
        return rescans.next(RescanTarget.valueOf(target), after, size);
    }

    /** Rescans {@code ids} in the caller's (the chunk's) transaction and adds what it found to the totals. */
    void rescan(String target, List<Long> ids) {
        Rescanned chunk = rescans.rescan(RescanTarget.valueOf(target), ids,
                BatchJob.PII_RESCAN.caller(job.getExecutionId()));
        resumeFrom(total().plus(chunk));
    }

    /** The totals so far (none before the first chunk). */
    Rescanned total() {
        return step.getPersistentUserData() instanceof Rescanned saved ? saved : Rescanned.NONE;
    }

    /** Makes {@code total} the step's totals, as a restart finds them committed or a chunk adds to them. */
    void resumeFrom(Rescanned total) {
        step.setPersistentUserData(total);
        showTotal();
    }

    /** The totals so far as the step's exit status: a step that finds nothing still says so. */
    void showTotal() {
        step.setExitStatus(total().text());
    }
}
