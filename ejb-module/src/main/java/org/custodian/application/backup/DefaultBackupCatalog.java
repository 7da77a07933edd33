package org.custodian.application.backup;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.backup.BackupRepository;
import org.custodian.domain.model.backup.BackupSet;

/**
 * Reads in the caller's transaction; verification runs outside any (NOT_SUPPORTED), since checking a large set's
 * files takes minutes and the ledger records its result in a transaction of its own.
 */
@Stateless
public class DefaultBackupCatalog implements BackupCatalog {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private BackupLedger ledger;

    @Inject
    private BackupRepository backups;

    @Inject
    private LegalHoldPins pins;

    @Inject
    private BackupSetStore store;

    @Override
    public List<BackupSetView> list(Caller caller) {
        policy.enforce(caller, Permission.BACKUP_READ, AuditActions.BACKUP_SET, null);
        Function<BackupSet, List<Long>> pinnedBy = pins.current();
        List<BackupSetView> views = new ArrayList<>();
        for (BackupSet set : backups.all()) {
            views.add(BackupSetView.of(set, pinnedBy.apply(set)));
        }
        audit.record(caller, AuditActions.BACKUP_LIST, AuditActions.BACKUP_SET, null, null, AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public BackupSetView find(Caller caller, long id) {
        policy.enforce(caller, Permission.BACKUP_READ, AuditActions.BACKUP_SET, String.valueOf(id));
        BackupSet set = backups.find(id).orElseThrow(() -> new ResourceNotFoundException("backup set", id));
        return BackupSetView.of(set, pins.current().apply(set));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BackupVerificationView verify(Caller caller, long id) {
        policy.enforce(caller, Permission.BACKUP_READ, AuditActions.BACKUP_SET, String.valueOf(id));
        return ledger.verifySet(id, caller.username());
    }

    @Override
    public String signingKey(Caller caller) {
        policy.enforce(caller, Permission.BACKUP_READ, AuditActions.BACKUP_SET, "signing-key");
        return store.signingKey();
    }

    @Override
    public List<RestoreRunView> restores(Caller caller) {
        policy.enforce(caller, Permission.BACKUP_READ, AuditActions.BACKUP_SET, "restores");
        return backups.restores().stream().map(RestoreRunView::of).toList();
    }
}
