package org.custodian.infrastructure.backup;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.custodian.application.backup.BackupFailedException;

/**
 * Loads a chain of staged sets (the full set, then each incremental in order) into a restore target, reading only
 * the staged copies and their signed manifests, never the sets on the backup target.
 * <p>
 * What PostgreSQL runs (the schema script, the sequence values) is decrypted into memory and compared with the
 * signed manifest's plaintext hash before it runs. Table rows stream into COPY and their hash is compared at the
 * end of each file; they are only data, loaded with the tables' triggers off into a transaction that a mismatch
 * rolls back. The unique and foreign-key indexes are built once at the end, over all rows (the other secondary
 * indexes later, after the commit: {@link PostgresRestoreTarget#createIndexes}).
 */
final class StagedChainLoader {

    private StagedChainLoader() {
    }

    /** Returns the rows loaded; the sets must have been staged with an ok report. */
    static long load(PostgresRestoreTarget target, List<BackupSetVerifier.Staged> chain, OpenPgpDecryptor decryptor)
            throws SQLException, IOException {
        long rows = 0;
        for (int index = 0; index < chain.size(); index++) {
            BackupSetVerifier.Staged set = chain.get(index);
            if (!set.report().ok() || set.manifest() == null) {
                throw new IllegalStateException("set " + set.directory() + " was not verified: " + set.report()
                        .summary());
            }
            boolean first = index == 0;
            boolean last = index == chain.size() - 1;
            String setName = set.manifest().getJsonObject("set").getString("name");
            for (JsonValue value : set.manifest().getJsonArray("files")) {
                JsonObject file = value.asJsonObject();
                String content = file.getString("content");
                String table = file.getString("table", null);
                Path staged = set.directory().resolve(file.getString("path"));
                String where = setName + "/" + file.getString("path");
                switch (content) {
                    // a later set's schema and every set's but the last one's sequences are not needed
                    case "schema" -> {
                        if (first) {
                            target.createSchema(new ByteArrayInputStream(verifiedPlaintext(staged, file, where,
                                    decryptor)));
                        }
                    }
                    case "sequences" -> {
                        if (last) {
                            target.setSequences(new ByteArrayInputStream(verifiedPlaintext(staged, file, where,
                                    decryptor)));
                        }
                    }
                    case "rows" -> {
                        if (!first) {
                            target.clear(table);
                        }
                        rows += streamed(staged, file, where, decryptor, in -> target.load(table, in));
                    }
                    case "changed-keys" -> streamed(staged, file, where, decryptor, in -> target.removeKeys(table, in));
                    case "changed-rows", "appended-rows" -> rows += streamed(staged, file, where, decryptor,
                            in -> target.load(table, in));
                    default -> throw new BackupFailedException(where + ": unknown content '" + content
                            + "' (a newer backup format?)");
                }
            }
        }
        // the secondary indexes were taken off for the load; building each once over all rows is the fast way
        // (those the transaction does not need are left for after the commit)
        target.createIndexes();
        return rows;
    }

    /** What consumes a decrypted stream (a COPY); returns a count. */
    @FunctionalInterface
    private interface Consumer {
        long accept(InputStream plain) throws SQLException, IOException;
    }

    /** The whole plaintext, once its SHA-256 is the signed manifest's: nothing of it is used before. */
    private static byte[] verifiedPlaintext(Path staged, JsonObject file, String where, OpenPgpDecryptor decryptor)
            throws IOException {
        byte[] plain;
        try (InputStream encrypted = Files.newInputStream(staged); InputStream in = decryptor.decrypt(encrypted)) {
            plain = in.readAllBytes();
        }
        requireHash(BackupSetWriter.sha256(plain), file, where);
        return plain;
    }

    private static long streamed(Path staged, JsonObject file, String where, OpenPgpDecryptor decryptor,
            Consumer consumer) throws SQLException, IOException {
        try (InputStream encrypted = Files.newInputStream(staged);
                InputStream plain = decryptor.decrypt(encrypted);
                DigestInputStream hashed = new DigestInputStream(plain, DigestingOutputStream.sha256Digest())) {
            long count = consumer.accept(hashed);
            hashed.transferTo(OutputStream.nullOutputStream());
            requireHash(HexFormat.of().formatHex(hashed.getMessageDigest().digest()), file, where);
            return count;
        }
    }

    private static void requireHash(String hash, JsonObject file, String where) {
        if (!hash.equals(file.getString("plainSha256"))) {
            throw new BackupFailedException(where + ": decrypted content has SHA-256 " + hash + ", the signed"
                    + " manifest says " + file.getString("plainSha256") + "; refused, nothing is committed");
        }
    }
}
