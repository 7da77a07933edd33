package org.custodian.application.backup;

import java.nio.file.Path;

/** A published set: where it is, its size on disk, its data rows and the hash of its signed manifest. */
public record ExportedSet(Path directory, long sizeBytes, long rows, String manifestSha256) {
}
