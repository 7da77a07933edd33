package org.custodian.application.backup;

import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * The backup catalog as the API and the portal show it: sets with the legal holds that pin them, their
 * verification on demand, restore and drill reports, and the key that signs manifests. Every call is checked
 * against the caller's permissions (BACKUP_READ); the jobs keep the catalog through {@link BackupLedger}.
 */
public interface BackupCatalog {

    /** Newest first. */
    List<BackupSetView> list(Caller caller);

    /** One entry; 404 if unknown. */
    BackupSetView find(Caller caller, long id);

    /**
     * Checks a COMPLETE set's files against its signed manifest (and decrypts them when a decryption key is
     * configured), records the result in the catalog and the trail; a broken set opens an incident.
     */
    BackupVerificationView verify(Caller caller, long id);

    /** The public half of the backup signing key, ASCII-armored, for gpg --verify of manifests. */
    String signingKey(Caller caller);

    /** Restore and drill reports, newest first. */
    List<RestoreRunView> restores(Caller caller);
}
