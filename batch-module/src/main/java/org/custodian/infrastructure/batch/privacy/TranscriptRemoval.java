package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.custodian.application.job.BatchJob;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.Removed;

/**
 * The remove step of transcript-removal as its reader and writer share it: the transcripts without consent, and the
 * totals, which are the step's persistent user data (saved with each checkpoint, so a restarted execution reports
 * the whole job's counts) and the job's exit status.
 */
@Dependent
public class TranscriptRemoval {

    @EJB
    ConsentService consents;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    /** Up to {@code size} transcripts without consent after id {@code after}, of one customer (null: all). */
    List<Long> next(long after, int size, Long customer) {
        return consents.transcriptsWithoutConsent(after, size, customer);
    }

    /** Removes {@code ids} in the caller's (the chunk's) transaction and adds them to the totals. */
    void remove(List<Long> ids) {
        Removed chunk = consents.removeTranscripts(ids, BatchJob.TRANSCRIPT_REMOVAL.caller(job.getExecutionId()));
        Removed total = total();
        resumeFrom(new Removed(total.removed() + chunk.removed(), total.held() + chunk.held()));
        showTotal();
    }

    /** The totals so far (none before the first chunk). */
    Removed total() {
        return step.getPersistentUserData() instanceof Removed saved ? saved : new Removed(0, 0);
    }

    /** Makes {@code total} the step's totals, as a restart finds them committed or a chunk adds to them. */
    void resumeFrom(Removed total) {
        step.setPersistentUserData(total);
    }

    /** The totals so far as the job's exit status: a run that finds nothing still says so. */
    void showTotal() {
        Removed total = total();
        job.setExitStatus("removed=" + total.removed() + " held=" + total.held());
    }
}
