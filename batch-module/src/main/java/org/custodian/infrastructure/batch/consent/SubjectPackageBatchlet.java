package org.custodian.infrastructure.batch.consent;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.application.privacy.SubjectPackageService.PackageView;

/** Builds one subject package; a failed build fails the job (after the package row says why). */
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
        PackageView built = packages.build(Long.parseLong(packageId.trim()), job.getExecutionId());
        if (!"READY".equals(built.status())) {
            job.setExitStatus("FAILED package=" + built.id() + ": " + built.failure());
            throw new IllegalStateException("subject package " + built.id() + " failed: " + built.failure());
        }
        String summary = "READY package=" + built.id() + " bytes=" + built.sizeBytes();
        job.setExitStatus(summary);
        return summary;
    }
}
