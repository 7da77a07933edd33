package org.custodian.infrastructure.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupExporter;
import org.custodian.application.backup.BackupFailedException;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.backup.BackupTarget;
import org.custodian.application.backup.ExportedSet;
import org.custodian.application.backup.SnapshotFacts;
import org.custodian.application.policy.Reserved;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupType;
import org.custodian.infrastructure.backup.PostgresSnapshotSource.Table;
import org.custodian.infrastructure.migration.DatabaseMigrator;

/**
 * Runs outside any container transaction: the snapshot is a database transaction of its own (REPEATABLE READ,
 * READ ONLY) that may last minutes, and the ledger changes around it commit separately through
 * {@link BackupLedger}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostgresBackupExporter implements BackupExporter {

    /**
     * Names the layout of a set; docs/backup-format.md describes it. Version 2 signs the checksum lists too
     * (version 1 signed only the manifest).
     */
    public static final String FORMAT = BackupSetVerifier.FORMAT;

    /** Flyway creates its history table itself, so the migrations do not: this is its DDL in Flyway 11. */
    private static final String FLYWAY_HISTORY_DDL = """
            -- Flyway's own table (Flyway creates it, no migration does); its rows are in flyway_schema_history.csv
            create table flyway_schema_history (
                installed_rank integer not null primary key,
                version varchar(50), description varchar(200) not null, type varchar(20) not null,
                script varchar(1000) not null, checksum integer, installed_by varchar(100) not null,
                installed_on timestamp not null default now(), execution_time integer not null,
                success boolean not null);
            """;

    /** 16 MB of heap (8 kB pages): smaller tables are read whole, by one worker. */
    static final long SPLIT_PAGES = 2048;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @EJB
    private BackupLedger ledger;

    @EJB
    private DatabaseMigrator migrator;

    @Inject
    private BackupKeys keys;

    @Inject
    private BackupConfiguration configuration;

    /** Runs the further table readers and Deflate blocks of a parallel export (custodian.backup.export-parallelism). */
    @Resource
    private ManagedExecutorService executor;

    @Override
    public ExportedSet export(BackupSet set, BackupSet base, BackupTarget target) {
        // keys and directory first: a missing one must fail the job before a snapshot is even taken
        OpenPgpEnvelope envelope = keys.envelope();
        OpenPgpSigner signer = keys.signer();
        Path targetDirectory = target.directory();
        try (PostgresSnapshotSource source = PostgresSnapshotSource.open(dataSource)) {
            PostgresSnapshotSource.Facts facts = source.facts();
            Set<String> regions = source.regionsWithData(Reserved.OPERATIONS_ID);
            target.refuseResidencyViolation(regions);
            ledger.snapshotTaken(set.getId(), new SnapshotFacts(facts.at(), facts.snapshotIds(),
                    facts.auditSequence(), facts.schemaVersion(), regions));
            int parallelism = configuration.exportParallelism();
            // one session key for the whole set: a reader unwraps it once, not once per file
            try (BackupSetWriter writer = new BackupSetWriter(targetDirectory, set.getName(),
                    envelope.sharingOneSessionKey(), facts.at(), executor, parallelism)) {
                writer.encrypted("schema.sql", null, "schema", out -> writeSchema(out));
                writer.encrypted("sequences.csv", null, "sequences", source::copySequences);
                boolean full = set.getType() == BackupType.FULL;
                AtomicLong rows = new AtomicLong();
                Map<String, Long> tableRows = new ConcurrentSkipListMap<>();
                List<Table> tables = source.tables();
                List<Piece> pieces = pieces(source, writer, source.largestFirst(tables), full, parallelism);
                SnapshotWorkers.run(source, dataSource, executor, parallelism, pieces, (worker, piece) -> {
                    if (piece.file() == null) {
                        rows.addAndGet(writeTable(writer, worker, piece.table(), full ? null : base, tableRows));
                    } else {
                        long written = piece.file().writePart(out -> worker.copyPages(piece.table(),
                                piece.fromPage(), piece.toPage(), out));
                        rows.addAndGet(written);
                        tableRows.merge(piece.table().name(), written, Long::sum);
                    }
                });
                writer.arrange(loadOrder(tables));
                byte[] manifest = manifest(set, base, target, facts, regions, tableRows, envelope, signer,
                        writer.files(), source.attachments());
                writer.seal(manifest, signer);
                Path directory = writer.publish();
                return new ExportedSet(directory, sizeOf(directory), rows.get(), BackupSetWriter.sha256(manifest));
            }
        } catch (SQLException e) {
            throw new BackupFailedException("reading the database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupFailedException("writing to backup target " + target.name() + " (" + targetDirectory
                    + ") failed: " + e, e);
        }
    }

    /**
     * A table's whole file ({@code file} null), or one page range of a table split over the workers (file is the
     * table's file, shared by its parts).
     */
    private record Piece(Table table, BackupSetWriter.SharedFile file, long fromPage, long toPage) { }

    /**
     * The work of a full export, largest first: a table of at least {@link #SPLIT_PAGES} is cut into one page range
     * per worker, so that the largest table (ticket: 85 % of the data) is read on every connection and PostgreSQL
     * spends both cores on it, as pg_dump -j cannot (it reads a table on one connection); its file gets its header
     * line first and then the parts' rows as they come. Incremental sets read few rows and are not split.
     */
    private static List<Piece> pieces(PostgresSnapshotSource source, BackupSetWriter writer, List<Table> tables,
            boolean full, int parallelism) throws IOException, SQLException {
        List<Piece> pieces = new ArrayList<>();
        Map<String, Long> heapPages = full && parallelism > 1 ? source.pages() : Map.of();
        for (Table table : tables) {
            long pages = heapPages.getOrDefault(table.name(), 0L);
            if (pages < SPLIT_PAGES) {
                pieces.add(new Piece(table, null, 0, 0));
                continue;
            }
            BackupSetWriter.SharedFile file = writer.shared(table.name() + ".csv", table.name(), "rows",
                    parallelism + 1);
            file.writePart(out -> source.copyHeader(table, out));
            for (int part = 0; part < parallelism; part++) {
                pieces.add(new Piece(table, file, pages * part / parallelism,
                        part == parallelism - 1 ? -1 : pages * (part + 1) / parallelism));
            }
        }
        return pieces;
    }

    /**
     * Data rows written (key lists and sequences are not counted); puts into tableRows what a restore must end with:
     * a full set copied every row, an incremental one counts the table in the snapshot.
     */
    private static long writeTable(BackupSetWriter writer, PostgresSnapshotSource source, Table table,
            BackupSet base, Map<String, Long> tableRows) throws IOException, SQLException {
        String name = table.name();
        if (base == null) {
            long written = writer.encrypted(name + ".csv", name, "rows", out -> source.copyAll(table, out)).rows();
            tableRows.put(name, written);
            return written;
        }
        tableRows.put(name, source.count(table));
        if (table.mode() == PostgresSnapshotSource.Mode.WHOLE) {
            return writer.encrypted(name + ".csv", name, "rows", out -> source.copyAll(table, out)).rows();
        }
        if (table.mode() == PostgresSnapshotSource.Mode.APPENDED) {
            return writer.encrypted(name + ".csv", name, "appended-rows",
                    out -> source.copyAppended(table, base.getAuditSequence(), out)).rows();
        }
        writer.encrypted(name + ".keys.csv", name, "changed-keys",
                out -> source.copyChangedKeys(table, base.getSnapshotIds(), out));
        return writer.encrypted(name + ".csv", name, "changed-rows",
                out -> source.copyChanged(table, base.getSnapshotIds(), out)).rows();
    }

    /**
     * Tables are written side by side but listed as a restore loads them: schema and sequences first (written
     * first), then table by table in name order, an incremental's key list before its rows.
     */
    private static Comparator<BackupFile> loadOrder(List<Table> tables) {
        Map<String, Integer> position = new HashMap<>();
        for (Table table : tables) {
            position.put(table.name(), position.size());
        }
        return Comparator.comparingInt((BackupFile file) -> file.table() == null ? -1 : position.get(file.table()))
                .thenComparing(file -> !"changed-keys".equals(file.content()));
    }

    /** The applied SQL migrations, in order: on an empty PostgreSQL they create exactly this schema. */
    private long writeSchema(OutputStream out) throws IOException {
        ClassLoader loader = DatabaseMigrator.class.getClassLoader();
        out.write(("-- Custodian schema " + migrator.schemaVersion() + ": the SQL migrations applied to the backed-up"
                + " database, in order.\n-- Run on an empty database, then load the data files"
                + " (docs/backup-format.md).\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(FLYWAY_HISTORY_DDL.getBytes(StandardCharsets.UTF_8));
        long scripts = 0;
        for (String resource : migrator.appliedSqlScripts()) {
            out.write(("\n-- " + resource + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("migration " + resource + " is not on the class path");
                }
                in.transferTo(out);
            }
            out.write('\n');
            scripts++;
        }
        return scripts;
    }

    private static byte[] manifest(BackupSet set, BackupSet base, BackupTarget target,
            PostgresSnapshotSource.Facts facts, Set<String> regions, Map<String, Long> tableRows,
            OpenPgpEnvelope envelope, OpenPgpSigner signer, List<BackupFile> files,
            List<PostgresSnapshotSource.StoredAttachment> attachments) {
        JsonObjectBuilder setJson = Json.createObjectBuilder().add("id", set.getId()).add("name", set.getName())
                .add("type", set.getType().name()).add("target", target.name()).add("reason", set.getReason())
                .add("requestedBy", set.getRequestedBy()).add("jobExecutionId", set.getJobExecutionId());
        if (base != null) {
            setJson.add("baseId", base.getId()).add("baseName", base.getName())
                    .add("baseSnapshotIds", base.getSnapshotIds()).add("baseAuditSequence", base.getAuditSequence());
        }
        JsonObjectBuilder snapshot = Json.createObjectBuilder().add("at", facts.at().toString())
                .add("ids", facts.snapshotIds()).add("auditSequence", facts.auditSequence())
                .add("auditHash", facts.auditHash()).add("schemaVersion", String.valueOf(facts.schemaVersion()))
                .add("postgresql", String.valueOf(facts.serverVersion()));
        JsonArrayBuilder regionJson = Json.createArrayBuilder();
        regions.forEach(regionJson::add);
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        envelope.recipientFingerprints().forEach(recipients::add);
        JsonArrayBuilder fileJson = Json.createArrayBuilder();
        for (BackupFile file : files) {
            JsonObjectBuilder entry = Json.createObjectBuilder().add("path", file.path())
                    .add("content", file.content()).add("rows", file.rows()).add("bytes", file.bytes())
                    .add("sha256", file.sha256()).add("plainPath", file.plainPath())
                    .add("plainBytes", file.plainBytes()).add("plainSha256", file.plainSha256());
            if (file.table() != null) {
                entry.add("table", file.table());
            }
            fileJson.add(entry);
        }
        JsonObjectBuilder counts = Json.createObjectBuilder();
        tableRows.forEach(counts::add);
        JsonObjectBuilder manifest = Json.createObjectBuilder().add("format", FORMAT).add("set", setJson)
                .add("snapshot", snapshot).add("regions", regionJson).add("tableRows", counts)
                .add("encryption", Json.createObjectBuilder().add("standard", "OpenPGP (RFC 4880)")
                        .add("cipher", "AES-256").add("recipients", recipients))
                .add("signer", signer.fingerprint()).add("files", fileJson)
                .add("attachments", attachments(attachments));
        if (facts.checkpoint() != null) {
            PostgresSnapshotSource.Checkpoint checkpoint = facts.checkpoint();
            manifest.add("auditCheckpoint", Json.createObjectBuilder().add("treeSize", checkpoint.treeSize())
                    .add("rootHash", checkpoint.rootHash()).add("chainHash", checkpoint.chainHash())
                    .add("createdAt", checkpoint.createdAt().toString()).add("algorithm", checkpoint.algorithm())
                    .add("keyId", checkpoint.keyId()).add("signature", checkpoint.signature()));
        }
        return write(manifest.build());
    }

    /**
     * The attachments the set holds (#24; their rows and chunks are in attachment.csv and attachment_chunk.csv):
     * count, chunks, and per attachment the SHA-256 of its ciphertext, which a restore recomputes. Never the
     * plaintext hash: the manifest is readable without the decryption key, and a plaintext hash would confirm a
     * guessed document.
     */
    private static JsonObjectBuilder attachments(List<PostgresSnapshotSource.StoredAttachment> attachments) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        long chunks = 0;
        for (PostgresSnapshotSource.StoredAttachment attachment : attachments) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("id", attachment.id());
            if (attachment.chunks() != null && attachment.cipherSha256() != null) {
                item.add("chunks", attachment.chunks()).add("cipherSha256", attachment.cipherSha256());
                chunks += attachment.chunks();
            } else {
                item.addNull("chunks").addNull("cipherSha256");
            }
            items.add(item);
        }
        return Json.createObjectBuilder().add("count", attachments.size()).add("chunks", chunks)
                .add("items", items);
    }

    private static byte[] write(JsonObject json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(bytes, StandardCharsets.UTF_8)) {
            writer.writeObject(json);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            long total = 0;
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                total += Files.size(path);
            }
            return total;
        }
    }
}
