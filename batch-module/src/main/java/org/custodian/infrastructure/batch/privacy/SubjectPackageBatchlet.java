package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.job.BatchJob;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.application.privacy.SubjectPackageService.PackageView;

/** Builds one subject package; a failed build fails the job after the package row says why (restartable). */
@Dependent
@Named
public class SubjectPackageBatchlet extends AbstractBatchlet {

    @EJB
    SubjectPackageService packages;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String packageId;

    @Override
    public String process() {
        long id = Long.parseLong(packageId.trim());
        PackageView built;
        try {
            built = packages.build(id, BatchJob.SUBJECT_PACKAGE.caller(job.getExecutionId()));
        } catch (RuntimeException e) {
            // the build's transaction rolled back: the failure is recorded in one of its own
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            packages.markFailed(id, BatchJob.SUBJECT_PACKAGE.caller(job.getExecutionId()), why);
            job.setExitStatus("FAILED package=" + id + ": " + why);
            throw e;
        }
        String summary = "READY package=" + built.id() + " bytes=" + built.sizeBytes();
        job.setExitStatus(summary);
        return summary;
    }
}
