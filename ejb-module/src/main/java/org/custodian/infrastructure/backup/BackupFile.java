package org.custodian.infrastructure.backup;

/**
 * One stored file of a set: its path in the set (e.g. {@code data/ticket.csv.gpg}), what it holds, and the size and
 * SHA-256 of both the stored (encrypted) bytes and the plaintext an operator gets from gpg.
 */
public record BackupFile(String path, String table, String content, long rows, long bytes, String sha256,
        long plainBytes, String plainSha256) {

    /** The plaintext's name after {@code gpg --decrypt --output}: the stored path without ".gpg". */
    public String plainPath() {
        return path.endsWith(".gpg") ? path.substring(0, path.length() - 4) : path;
    }
}
