package org.custodian.application.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * The sets on their targets' disks, as the catalog and ledger need them: checked against their signed manifests,
 * removed when they fail or expire, and the public key an auditor checks their signatures with. The file format and
 * the keys behind it are the infrastructure's.
 */
public interface BackupSetStore {

    /**
     * Checks the set's files against its signed manifest, whose SHA-256 the ledger recorded when the set was
     * written; decrypts them too when this host has a decryption key.
     */
    SetCheck check(Path setDirectory, String manifestSha256);

    /** Removes the set's directory and any working directory its export left; nothing if neither exists. */
    void remove(Path setDirectory);

    /** The public half of the key that signs manifests, ASCII-armored (gpg --import it, then gpg --verify). */
    String signingKey();

    /** What a check found; ok when problems is empty. Every problem names the file it is in. */
    record SetCheck(boolean ok, boolean decrypted, int filesChecked, List<String> problems) {

        public String summary() {
            return ok ? "OK files=" + filesChecked + (decrypted ? " decrypted" : "")
                    : "BROKEN " + String.join("; ", problems);
        }
    }
}
