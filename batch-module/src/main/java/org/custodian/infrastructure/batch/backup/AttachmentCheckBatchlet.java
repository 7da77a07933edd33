package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.attachment.AttachmentIntegrityService;
import org.custodian.application.attachment.AttachmentIntegrityService.Result;
import org.custodian.application.shared.Caller;

/**
 * The integrity-verify job's attachment step (#24): the stored ciphertext of every attachment against its recorded
 * chunk count and SHA-256; each broken attachment is named in the exit status (and audited under its ticket).
 */
@Dependent
@Named
public class AttachmentCheckBatchlet extends AbstractBatchlet {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @EJB
    AttachmentIntegrityService attachments;

    @Override
    public String process() {
        Result result = attachments.verify(Caller.system(BackupCheckBatchlet.ACTOR, "job-" + job.getExecutionId()));
        String status = result.ok()
                ? "OK attachments=" + result.attachments() + " chunks=" + result.chunks()
                : "BROKEN " + result.broken() + " of " + result.attachments() + " attachments: "
                        + String.join(" | ", result.problems());
        step.setExitStatus(status.length() > 2000 ? status.substring(0, 2000) : status);
        return status;
    }
}
