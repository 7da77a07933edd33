package org.custodian.infrastructure.backup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupSetStore;

/**
 * Sets as directories in the custodian-backup-set format (docs/backup-format.md): checked with the configured
 * verification key (and decryption key, if this host has one), removed together with an export's working
 * directory.
 */
@ApplicationScoped
public class DirectoryBackupSetStore implements BackupSetStore {

    @Inject
    BackupKeys keys;

    @Inject
    BackupConfiguration configuration;

    /** Checks a set's files side by side (decrypting is CPU-bound). */
    @Resource
    ManagedExecutorService executor;

    @Override
    public SetCheck check(Path setDirectory, String manifestSha256) {
        BackupSetVerifier.Report report = new BackupSetVerifier(keys.verifier(), keys.decryptor(), executor,
                configuration.acceptFormat1())
                .verify(setDirectory, manifestSha256);
        return new SetCheck(report.ok(), report.decrypted(), report.filesChecked(), report.problems());
    }

    @Override
    public void remove(Path setDirectory) {
        try {
            BackupSetWriter.deleteTree(setDirectory);
            BackupSetWriter.deleteTree(setDirectory.resolveSibling(BackupSetWriter.partialName(
                    setDirectory.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files of backup set " + setDirectory.getFileName(), e);
        }
    }

    @Override
    public String signingKey() {
        return keys.signer().armoredPublicKey();
    }
}
