package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.backup.BackupFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is verified is what is loaded: a set is copied into a private staging directory while it is checked, and
 * the restore reads only those copies; a schema script runs only once its plaintext hash is the signed one; the
 * checksum lists carry signatures the verifier requires. Real OpenPGP (the development keys) and a real PostgreSQL.
 */
class StagedRestoreTest {

    private static final Path KEYS = Path.of("../server-config/src/test/dev-keys");
    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");
    private static final String SCHEMA = "create table note (id bigint primary key, body text);\n";
    /** A script that escapes the restore's transaction and schema: what an attacker would swap in. */
    private static final String HOSTILE_SCHEMA = SCHEMA + "commit; create table public.%s (x int); commit;\n";

    private static EmbeddedPostgres postgres;

    @TempDir
    Path target;

    @TempDir
    Path stagingRoot;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aFileSwappedOnTheTargetAfterItsCheckIsNeverLoaded() throws Exception {
        String manifestHash = writeSet("set-swap", SCHEMA, "id,body\n1,original\n", BackupSetVerifier.FORMAT);
        Path set = target.resolve("set-swap");
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            BackupSetVerifier.Staged staged = verifier(false).stage(set, manifestHash, staging.path().resolve("0"));
            assertTrue(staged.report().ok(), staged.report().summary());

            // between the check and the load, someone who can write to the backup target swaps two files for
            // validly encrypted ones of their own (the set's SHA256SUMS would not tell; the restore must not read them)
            Files.write(set.resolve("data/schema.sql.gpg"), encrypt("schema.sql", HOSTILE_SCHEMA.formatted("swapped_in")));
            Files.write(set.resolve("data/note.csv.gpg"), encrypt("note.csv", "id,body\n1,swapped\n"));
            assertFalse(verifier(false).verify(set, manifestHash).ok(), "the set on the target is now different");

            try (PostgresRestoreTarget restore = PostgresRestoreTarget.open(dataSource(), "restore_swap")) {
                assertEquals(1, StagedChainLoader.load(restore, List.of(staged), decryptor()));
                restore.commit();
            }
        }
        assertEquals("original", text("select body from restore_swap.note where id = 1"));
        assertEquals("false", text("select (to_regclass('public.swapped_in') is not null)::text"),
                "the swapped-in schema script never ran");
    }

    @Test
    void secondaryIndexesAreTakenOffForTheLoadAndBuiltAgainAsTheScriptDefinedThem() throws Exception {
        String schema = "create table note (id bigint primary key, body text, code text unique, kind text);\n"
                + "create index note_body_lower on note (lower(body)) where kind = 'PUBLIC';\n"
                + "create index note_body_words on note using gin (to_tsvector('simple', body));\n"
                + "create unique index note_kind_code on note (kind, code);\n"
                + "create unique index note_code_lower on note (lower(code));\n"
                + "create table remark (id bigint primary key, note_kind text, note_code text,"
                + " foreign key (note_kind, note_code) references note (kind, code));\n"
                + "create index remark_code on remark (note_code);\n"
                + "create index remark_note on remark (note_code, note_kind, id);\n";
        String manifestHash = writeSet("set-index", schema, "id,body,code,kind\n1,One,a,PUBLIC\n2,Two,b,INTERNAL\n",
                BackupSetVerifier.FORMAT);
        String indexes = "select string_agg(indexname || ': ' || replace(indexdef, schemaname || '.', ''), '; '"
                + " order by indexname) from pg_indexes where schemaname = '%s'";
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists index_reference cascade; create schema index_reference;"
                    + " set search_path to index_reference; " + schema + "; set search_path to public");
        }
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            BackupSetVerifier.Staged staged = verifier(false).stage(target.resolve("set-index"), manifestHash,
                    staging.path().resolve("0"));
            assertTrue(staged.report().ok(), staged.report().summary());
            try (PostgresRestoreTarget restore = PostgresRestoreTarget.open(dataSource(), "restore_index")) {
                restore.createSchema(new ByteArrayInputStream(schema.getBytes(StandardCharsets.UTF_8)));
                try (Statement statement = restore.connection().createStatement(); ResultSet row = statement
                        .executeQuery("select string_agg(indexname, ', ' order by indexname) from pg_indexes"
                                + " where schemaname = 'restore_index'")) {
                    assertTrue(row.next());
                    assertEquals("note_code_key, note_kind_code, note_pkey, remark_pkey", row.getString(1),
                            "during the load only constraints' indexes and the one a foreign key uses remain");
                }
            } // closed without commit: rolled back
            try (Connection connection = dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists restore_index_build; " + migration("V118"));
            }
            try (PostgresRestoreTarget restore = PostgresRestoreTarget.open(dataSource(), "restore_index")) {
                assertEquals(2, StagedChainLoader.load(restore, List.of(staged), decryptor()));
                assertEquals(List.of(), restore.restoreForeignKeys());
                assertEquals(3, restore.recordDeferredIndexes(7), "all but the unique and foreign-key indexes are"
                        + " left for after the commit");
                restore.commit();
            }
        }
        assertEquals("note_code_key, note_code_lower, note_kind_code, note_pkey, remark_note, remark_pkey",
                text("select string_agg(indexname, ', ' order by indexname) from pg_indexes where schemaname ="
                        + " 'restore_index'"), "the data committed with its unique and foreign-key indexes only");
        assertEquals("note_body_words, note_body_lower, remark_code", text("select string_agg(index_name, ', ' order"
                + " by position) from restore_index_build where built_at is null"), "largest table first, GIN first");
        // what a killed run leaves: an index that was built (here by hand) but not marked; the restart marks it
        // and builds exactly the others
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index note_body_lower on restore_index.note (lower(body)) where kind = 'PUBLIC'");
        }
        assertEquals(2, RestoreIndexBuilds.buildPending(dataSource(), "restore_index", Runnable::run, 2));
        assertEquals(0, RestoreIndexBuilds.buildPending(dataSource(), "restore_index", Runnable::run, 2),
                "built and marked in one transaction: a second run finds nothing to build");
        assertEquals("0", text("select count(*)::text from restore_index_build where built_at is null"));
        assertEquals(text(indexes.formatted("index_reference")), text(indexes.formatted("restore_index")),
                "the same indexes with the same definitions as the schema script created");
        assertEquals("1", text("select id::text from restore_index.note where lower(body) = 'one' and kind = 'PUBLIC'"));
    }

    @Test
    void seededRowsGoTheSetsRowsComeAndAnIncrementalsKeysAreRemovedOneByOne() throws Exception {
        // the schema script seeds a row (as the migrations do) in one table and leaves another empty
        String schema = "create table kind (code text primary key);\n"
                + "insert into kind values ('SEEDED');\n"
                + "create table note (id bigint primary key, body text, code text, kind text);\n"
                + "create table remark (id bigint primary key, note_id bigint not null references note (id));\n";
        String manifestHash = writeSet("set-seeded", schema, "id,body,code,kind\n1,One,a,X\n2,Two,b,X\n3,Three,c,X\n",
                BackupSetVerifier.FORMAT);
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            BackupSetVerifier.Staged staged = verifier(false).stage(target.resolve("set-seeded"), manifestHash,
                    staging.path().resolve("0"));
            assertTrue(staged.report().ok(), staged.report().summary());
            try (PostgresRestoreTarget restore = PostgresRestoreTarget.open(dataSource(), "restore_seeded")) {
                assertEquals(3, StagedChainLoader.load(restore, List.of(staged), decryptor()));
                try (Statement statement = restore.connection().createStatement();
                        ResultSet row = statement.executeQuery("select (select count(*) from kind),"
                                + " string_agg(id::text, ',' order by id) from note")) {
                    assertTrue(row.next());
                    assertEquals(0, row.getLong(1), "the script's seeded row is not in the restored copy");
                    assertEquals("1,2,3", row.getString(2));
                }
                // an incremental's changed keys, a few (through the primary key) and one not there
                assertEquals(2, restore.removeKeys("note", new ByteArrayInputStream("id\n1\n3\n9\n"
                        .getBytes(StandardCharsets.UTF_8))));
                assertEquals(List.of(), restore.restoreForeignKeys());
                assertTrue(restore.enforces("remark", "note_id"));
                assertFalse(restore.enforces("note", "id"), "no foreign key starts at note.id");
                assertEquals(1, restore.number("select count(*) from note where id = 2"));
                assertEquals(1, restore.number("select count(*) from note"));
            } // rolled back
        }
    }

    @Test
    void aSchemaScriptRunsOnlyOnceItsPlaintextHashIsTheSignedOne() throws Exception {
        String manifestHash = writeSet("set-plain", SCHEMA, "id,body\n1,x\n", BackupSetVerifier.FORMAT);
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            BackupSetVerifier.Staged staged = verifier(false).stage(target.resolve("set-plain"), manifestHash,
                    staging.path().resolve("0"));
            assertTrue(staged.report().ok(), staged.report().summary());
            // the last line of defence: whatever the loader decrypts, only a plaintext whose hash is the signed
            // manifest's reaches PostgreSQL, and it is compared before the script runs, not after
            Files.write(staged.directory().resolve("data/schema.sql.gpg"), encrypt("schema.sql",
                    HOSTILE_SCHEMA.formatted("ran_early")));
            try (PostgresRestoreTarget restore = PostgresRestoreTarget.open(dataSource(), "restore_plain")) {
                BackupFailedException refused = assertThrows(BackupFailedException.class,
                        () -> StagedChainLoader.load(restore, List.of(staged), decryptor()));
                assertTrue(refused.getMessage().startsWith("set-plain/data/schema.sql.gpg: decrypted content has"),
                        refused.getMessage());
            }
        }
        assertEquals("false", text("select (to_regclass('public.ran_early') is not null)::text"),
                "the script did not run");
    }

    @Test
    void stagingCopiesWhatItHashesIntoAnOwnerOnlyDirectoryThatIsRemovedAfterwards() throws Exception {
        String manifestHash = writeSet("set-stage", SCHEMA, "id,body\n1,a\n", BackupSetVerifier.FORMAT);
        Path set = target.resolve("set-stage");
        Path directory;
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            directory = staging.path();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
            BackupSetVerifier.Staged staged = verifier(true).stage(set, manifestHash, directory.resolve("0"));
            assertTrue(staged.report().ok() && staged.report().decrypted(), staged.report().summary());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.directory())));
            for (String name : List.of("manifest.json", "manifest.json.asc", "SHA256SUMS", "SHA256SUMS.asc",
                    "SHA256SUMS.decrypted", "SHA256SUMS.decrypted.asc", "data/schema.sql.gpg", "data/note.csv.gpg")) {
                assertArrayEquals(Files.readAllBytes(set.resolve(name)), Files.readAllBytes(staged.directory()
                        .resolve(name)), name);
            }
            assertEquals("set-stage", staged.manifest().getJsonObject("set").getString("name"));
        }
        assertFalse(Files.exists(directory), "the staging directory is removed");
    }

    @Test
    void aSwappedFileWithARewrittenChecksumListIsRefusedByTheListsSignature() throws Exception {
        String manifestHash = writeSet("set-list", SCHEMA, "id,body\n1,a\n", BackupSetVerifier.FORMAT);
        Path set = target.resolve("set-list");
        byte[] swapped = encrypt("note.csv", "id,body\n1,forged\n");
        Files.write(set.resolve("data/note.csv.gpg"), swapped);
        String list = Files.readString(set.resolve("SHA256SUMS"));
        String original = list.lines().filter(line -> line.endsWith("  data/note.csv.gpg")).findFirst().orElseThrow();
        Files.writeString(set.resolve("SHA256SUMS"), list.replace(original, BackupSetWriter.sha256(swapped)
                + "  data/note.csv.gpg"));
        try (StagingDirectory staging = StagingDirectory.createIn(stagingRoot)) {
            BackupSetVerifier.Report report = verifier(false).stage(set, manifestHash, staging.path().resolve("0"))
                    .report();
            assertFalse(report.ok());
            List<String> problems = report.problems();
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("data/note.csv.gpg: SHA-256 ")), problems.toString());
            assertTrue(problems.contains("SHA256SUMS: does not match the manifest"), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("SHA256SUMS.asc: not a valid signature of"
                    + " SHA256SUMS")), problems.toString());
        }
    }

    @Test
    void checksumListsWithoutSignaturesAreRefusedAndTheFirstFormatOnlyWhenAllowed() throws Exception {
        String manifestHash = writeSet("set-unsigned", SCHEMA, "id,body\n1,a\n", BackupSetVerifier.FORMAT);
        Path set = target.resolve("set-unsigned");
        Files.delete(set.resolve("SHA256SUMS.decrypted.asc"));
        assertEquals(List.of("SHA256SUMS.decrypted.asc: missing"), verifier(false).verify(set, manifestHash)
                .problems());

        String format1Hash = writeSet("set-format-1", SCHEMA, "id,body\n1,a\n", BackupSetVerifier.FORMAT_1);
        Path format1 = target.resolve("set-format-1");
        BackupSetVerifier.Report refused = verifier(false).verify(format1, format1Hash);
        assertFalse(refused.ok());
        assertTrue(refused.problems().get(0).contains("older format custodian-backup-set/1"), refused.summary());
        assertTrue(verifier(false).verify(format1, format1Hash).problems().get(0).contains("accept-format-1"));
        BackupSetVerifier.Report accepted = new BackupSetVerifier(signatureKey(), Optional.empty(), Runnable::run,
                true).verify(format1, format1Hash);
        assertTrue(accepted.ok(), accepted.summary());
    }

    /**
     * Writes a set with a schema script, an empty sequence list and one table, signed in the given format (2: the
     * lists signed too). Returns the manifest's SHA-256 (what the catalog records).
     */
    private String writeSet(String name, String schema, String rows, String format)
            throws Exception {
        OpenPgpSigner signer = OpenPgpSigner.fromSecretKey(Files.readString(KEYS.resolve("backup-signing-secret.asc")),
                new char[0]);
        try (BackupSetWriter writer = new BackupSetWriter(target, name, envelope(), NOW)) {
            writer.encrypted("schema.sql", null, "schema", content(schema));
            writer.encrypted("sequences.csv", null, "sequences", content("name,last_value\n"));
            writer.encrypted("note.csv", "note", "rows", content(rows));
            JsonArrayBuilder files = Json.createArrayBuilder();
            for (BackupFile file : writer.files()) {
                JsonObjectBuilder entry = Json.createObjectBuilder().add("path", file.path())
                        .add("content", file.content()).add("rows", file.rows()).add("bytes", file.bytes())
                        .add("sha256", file.sha256()).add("plainPath", file.plainPath())
                        .add("plainBytes", file.plainBytes()).add("plainSha256", file.plainSha256());
                if (file.table() != null) {
                    entry.add("table", file.table());
                }
                files.add(entry);
            }
            byte[] manifest = (Json.createObjectBuilder().add("format", format)
                    .add("set", Json.createObjectBuilder().add("name", name)).add("files", files).build()
                    + "\n").getBytes(StandardCharsets.UTF_8);
            if (BackupSetVerifier.FORMAT.equals(format)) {
                writer.seal(manifest, signer);
            } else {
                // what the first format wrote: the manifest signed, the checksum lists not
                writer.plain("manifest.json", manifest);
                writer.plain("manifest.json.asc", signer.signDetached(manifest));
                List<String[]> stored = new ArrayList<>();
                stored.add(new String[] {BackupSetWriter.sha256(manifest), "manifest.json"});
                List<String[]> plain = new ArrayList<>();
                for (BackupFile file : writer.files()) {
                    stored.add(new String[] {file.sha256(), file.path()});
                    plain.add(new String[] {file.plainSha256(), file.plainPath()});
                }
                writer.plain("SHA256SUMS", BackupSetWriter.checksumList(stored));
                writer.plain("SHA256SUMS.decrypted", BackupSetWriter.checksumList(plain));
            }
            writer.publish();
            return BackupSetWriter.sha256(manifest);
        }
    }

    private static BackupSetWriter.Content content(String text) {
        return out -> {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return text.lines().count() - 1;
        };
    }

    private static byte[] encrypt(String name, String plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = envelope().encrypt(bytes, name, NOW)) {
            out.write(plain.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static BackupSetVerifier verifier(boolean decrypt) throws IOException {
        return new BackupSetVerifier(signatureKey(), decrypt ? Optional.of(decryptor()) : Optional.empty(),
                Runnable::run);
    }

    private static OpenPgpVerifier signatureKey() throws IOException {
        return OpenPgpVerifier.fromPublicKey(Files.readString(KEYS.resolve("backup-signing-public.asc")));
    }

    private static OpenPgpDecryptor decryptor() throws IOException {
        return OpenPgpDecryptor.fromSecretKey(Files.readString(KEYS.resolve("backup-recipient-secret.asc")),
                new char[0]);
    }

    private static OpenPgpEnvelope envelope() throws IOException {
        return OpenPgpEnvelope.forRecipients(Files.readString(KEYS.resolve("backup-recipient-public.asc")));
    }

    /** A migration's SQL, e.g. "V118": the table the restore records its search indexes in. */
    private static String migration(String version) throws IOException {
        Path directory = Path.of("src/main/resources/db/migration");
        try (var files = Files.list(directory)) {
            return Files.readString(files.filter(file -> file.getFileName().toString().startsWith(version + "__"))
                    .findFirst().orElseThrow());
        }
    }

    private static DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    private static String text(String query) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getString(1);
        }
    }
}
