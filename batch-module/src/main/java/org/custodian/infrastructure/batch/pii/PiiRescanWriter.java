package org.custodian.infrastructure.batch.pii;

import jakarta.batch.api.BatchProperty;
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
import org.custodian.application.pii.PiiRescanService;
import org.custodian.application.pii.RescanTarget;
import org.custodian.application.pii.Rescanned;

/**
 * Rescans the chunk's records in the chunk's transaction (redactions, flags and their audit events commit with the
 * position). The step's totals are its persistent user data and its exit status, which the console shows.
 */
@Dependent
@Named
public class PiiRescanWriter extends AbstractItemWriter {

    @EJB
    PiiRescanService rescans;

    @Inject
    @BatchProperty
    String target;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add((Long) item));
        Rescanned chunk = rescans.rescan(RescanTarget.valueOf(target), ids,
                BatchJob.PII_RESCAN.caller(job.getExecutionId()));
        Rescanned total = totalOf(step).plus(chunk);
        step.setPersistentUserData(total);
        step.setExitStatus(total.text());
    }

    static Rescanned totalOf(StepContext step) {
        return step.getPersistentUserData() instanceof Rescanned saved ? saved : Rescanned.NONE;
    }
}
