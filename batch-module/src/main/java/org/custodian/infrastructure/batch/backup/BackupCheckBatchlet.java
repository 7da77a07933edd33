package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.backup.BackupVerificationView;
import org.custodian.domain.model.backup.BackupStatus;

/** Checks every COMPLETE set's files against its signed manifest; each broken set is named in the exit status. */
@Dependent
@Named
public class BackupCheckBatchlet extends AbstractBatchlet {

    static final String ACTOR = "batch:integrity-verify";

    @Inject
    StepContext step;

    @EJB
    BackupLedger ledger;

    @Override
    public String process() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (long id : ledger.setIds(BackupStatus.COMPLETE)) {
            checked++;
            try {
                BackupVerificationView result = ledger.verifySet(id, ACTOR);
                if (!result.ok()) {
                    broken.add(result.name() + ": " + String.join("; ", result.problems()));
                }
            } catch (RuntimeException e) {
                // one set that cannot be checked (expired meanwhile, unreadable) must not hide the others
                broken.add("set " + id + ": not checked (" + BackupExportBatchlet.describe(e) + ")");
            }
        }
        String status = broken.isEmpty() ? "OK sets=" + checked : "BROKEN " + String.join(" | ", broken);
        step.setExitStatus(status.length() > 2000 ? status.substring(0, 2000) : status);
        return status;
    }
}
