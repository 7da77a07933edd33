package org.custodian.infrastructure.backup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory only the server's own user can enter (0700), where a restore keeps the copies of the sets it checked
 * and then loads: whoever can write to the backup target cannot change them between the check and the load.
 * Removed with everything in it when the restore ends, however it ends.
 */
public final class StagingDirectory implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    private StagingDirectory(Path path) {
        this.path = path;
    }

    /** A new directory under root (created if missing), named custodian-restore-RANDOM. */
    public static StagingDirectory createIn(Path root) throws IOException {
        Files.createDirectories(root);
        return new StagingDirectory(posix() ? Files.createTempDirectory(root, "custodian-restore-", ownerOnly())
                : Files.createTempDirectory(root, "custodian-restore-"));
    }

    /** Creates directory (it must not exist yet) for the owner alone. */
    static void createPrivate(Path directory) throws IOException {
        if (posix()) {
            Files.createDirectory(directory, ownerOnly());
            // the umask may have taken bits away, never added any; set them exactly anyway
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        } else {
            Files.createDirectory(directory);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        BackupSetWriter.deleteTree(path);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
