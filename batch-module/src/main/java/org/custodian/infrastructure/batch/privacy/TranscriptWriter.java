package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.job.BatchJob;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.Removed;

/**
 * Removes the chunk's transcripts in the chunk's transaction. The totals are the step's persistent user data, saved
 * with each checkpoint, so a restarted execution reports the whole job's counts.
 */
@Dependent
@Named
public class TranscriptWriter extends AbstractItemWriter {

    @EJB
    ConsentService consents;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add((Long) item));
        Removed chunk = consents.removeTranscripts(ids,
                BatchJob.TRANSCRIPT_REMOVAL.caller(job.getExecutionId()));
        Removed total = step.getPersistentUserData() instanceof Removed saved ? saved : new Removed(0, 0);
        total = new Removed(total.removed() + chunk.removed(), total.held() + chunk.held());
        step.setPersistentUserData(total);
        job.setExitStatus("removed=" + total.removed() + " held=" + total.held());
    }
}
