package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.backup.BackupRestorer;
import org.custodian.domain.model.backup.RestoreKind;

/**
 * The restore job's second step: builds the secondary indexes that the restore left for after its data committed
 * (all but the unique and foreign-key ones: search, sorting and filtering indexes). The restored rows are all there
 * and checked; every query on the restored schema gives the same results before, only slower. A restart of a failed
 * run builds only what is still missing. A drill has none (its copy is dropped).
 */
@Dependent
@Named
public class RestoreIndexBatchlet extends AbstractBatchlet {

    @Inject
    StepContext step;

    @EJB
    BackupRestorer restorer;

    @Inject
    RestoreDestination destination;

    @Override
    public String process() {
        if (destination.kind() == RestoreKind.DRILL) {
            step.setExitStatus("SKIPPED (a drill's copy is dropped)");
            return "SKIPPED";
        }
        String into = destination.schema();
        long start = System.nanoTime();
        int built = restorer.buildDeferredIndexes(into);
        String status = "OK deferred indexes of " + into + " built=" + built + " ms="
                + (System.nanoTime() - start) / 1_000_000;
        step.setExitStatus(status);
        return status;
    }
}
