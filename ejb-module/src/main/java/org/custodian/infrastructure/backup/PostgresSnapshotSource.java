package org.custodian.infrastructure.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One consistent view of the Custodian database for an export: a REPEATABLE READ, READ ONLY transaction on a
 * connection of its own, so every table is read as of the same instant while the application keeps writing.
 * Data leaves through {@code COPY ... TO STDOUT (FORMAT csv, HEADER)}, the fastest way out of PostgreSQL and the
 * format {@code \copy ... from ... csv header} reads back.
 * <p>
 * COPY takes no bind parameters, so the few values in its SQL are either identifiers from PostgreSQL's own catalog
 * (quoted as identifiers) or values this class checked against a strict pattern first; nothing from a user.
 */
public final class PostgresSnapshotSource implements AutoCloseable {

    /**
     * Not backed up: the batch runtime's own repository, the backup catalog and log, ephemeral state. Pending audit
     * events are: an operation in the snapshot whose event was not chained yet keeps its event (a restore into an
     * empty database chains it at startup; a live restore keeps the live queue instead).
     */
    private static final Set<String> EXCLUDED = Set.of("backup_set", "backup_change", "restore_run",
            "restore_index_build", "login_throttle", "login_source_throttle", "login_known_source", "open_incident",
            "retention_purge_progress", "sso_session");
    /** The batch runtime's tables: Payara names them jbatch*, the configured prefix is batch_. */
    private static final List<String> EXCLUDED_PREFIXES = List.of("jbatch", "batch_");
    /** Append-only and taken by sequence rather than by change log (it is the largest table by far). */
    static final String APPEND_ONLY = "audit_event";
    /**
     * Logged tables with a composite key, logged (V115) and restored by one column of it: the chunks of an
     * attachment are taken and replaced together, by their attachment's id.
     */
    static final Map<String, String> LOGGED_BY_PARENT = Map.of("attachment_chunk", "attachment_id");
    /** What pg_export_snapshot() returns, e.g. 00000003-0000001B-1. */
    private static final Pattern EXPORTED_SNAPSHOT = Pattern.compile("[0-9A-Fa-f]{1,16}(-[0-9A-Fa-f]{1,16}){1,3}");
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9]{1,20}:[0-9]{1,20}:([0-9]{1,20}(,[0-9]{1,20})*)?");

    /** How a table goes into an incremental set. */
    public enum Mode { LOGGED, APPENDED, WHOLE }

    public record Table(String name, Mode mode, String keyColumn) { }

    public record Facts(Instant at, String snapshotIds, long auditSequence, String auditHash, String schemaVersion,
            String serverVersion, Checkpoint checkpoint) { }

    public record Checkpoint(long treeSize, String rootHash, String chainHash, Instant createdAt, String algorithm,
            String keyId, String signature) { }

    private final Connection connection;
    private final CopyManager copy;
    private final boolean previousAutoCommit;
    private final int previousIsolation;

    private PostgresSnapshotSource(Connection connection) throws SQLException {
        this.connection = connection;
        this.previousAutoCommit = connection.getAutoCommit();
        this.previousIsolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (var statement = connection.createStatement()) {
            statement.execute("set transaction read only");
        }
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Opens the snapshot; the connection must not be enlisted in a container transaction. */
    public static PostgresSnapshotSource open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new PostgresSnapshotSource(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Another connection on the snapshot a source exported ({@link #exportSnapshot}), as pg_dump -j does: it reads
     * exactly what the exporting transaction reads, for as long as that transaction stays open.
     */
    public static PostgresSnapshotSource attach(DataSource dataSource, String exportedSnapshot) throws SQLException {
        if (!EXPORTED_SNAPSHOT.matcher(exportedSnapshot).matches()) {
            throw new IllegalArgumentException("not an exported PostgreSQL snapshot: " + exportedSnapshot);
        }
        PostgresSnapshotSource source = open(dataSource);
        try (var statement = source.connection.createStatement()) {
            // allowed only before the transaction's first query: the constructor ran none
            statement.execute("set transaction snapshot " + literal(exportedSnapshot));
            return source;
        } catch (SQLException | RuntimeException e) {
            try {
                source.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Names this transaction's snapshot for {@link #attach}; call it after {@link #facts}. */
    public String exportSnapshot() throws SQLException {
        return single("select pg_export_snapshot()");
    }

    /** The tables, largest first (heap and TOAST): handed out in this order, the last to finish are the small ones. */
    public List<Table> largestFirst(List<Table> tables) throws SQLException {
        Map<String, Long> bytes = perTable("pg_table_size(c.oid)");
        List<Table> ordered = new ArrayList<>(tables);
        ordered.sort(Comparator.comparing((Table table) -> bytes.getOrDefault(table.name(), 0L)).reversed());
        return ordered;
    }

    /** The first statement fixes the snapshot; everything after reads as of it. */
    public Facts facts() throws SQLException {
        Instant at;
        String snapshot;
        long auditSequence;
        String auditHash;
        try (PreparedStatement statement = connection.prepareStatement("select clock_timestamp(),"
                + " pg_current_snapshot()::text, h.last_sequence, h.last_hash from audit_chain_head h where h.id = 1");
                ResultSet row = statement.executeQuery()) {
            row.next();
            at = row.getObject(1, OffsetDateTime.class).toInstant();
            snapshot = row.getString(2);
            auditSequence = row.getLong(3);
            auditHash = row.getString(4);
        }
        String schemaVersion = single("select version from flyway_schema_history where success and version is not"
                + " null order by installed_rank desc limit 1");
        String serverVersion = single("show server_version");
        Checkpoint checkpoint = null;
        try (PreparedStatement statement = connection.prepareStatement("select tree_size, root_hash, chain_hash,"
                + " created_at, algorithm, key_id, signature from audit_checkpoint order by tree_size desc limit 1");
                ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                checkpoint = new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getString(6),
                        row.getString(7));
            }
        }
        return new Facts(at, snapshot, auditSequence, auditHash, schemaVersion, serverVersion, checkpoint);
    }

    /**
     * Residency regions of the personal data in the snapshot (customers' and tickets'). The operations team's own
     * record and its backup incident tickets hold no personal data and do not count: an incident must not make
     * every later backup to a region-bound target fail.
     */
    public Set<String> regionsWithData(String operationsExternalId) throws SQLException {
        Set<String> regions = new TreeSet<>();
        // The distinct regions by skipping through the indexes whose first column is the region (V1's
        // customer_region_idx and ticket_region_created_idx), one index probe per region, then for each whether a
        // row of someone other than the operations team is in it: milliseconds instead of a join over every
        // ticket, which an export used to wait for before it could write anything.
        try (PreparedStatement statement = connection.prepareStatement("with recursive customer_regions(region) as"
                + " ((select region from customer order by region limit 1) union all select (select c.region from"
                + " customer c where c.region > r.region order by c.region limit 1) from customer_regions r where"
                + " r.region is not null), ticket_regions(region) as ((select region from ticket order by region"
                + " limit 1) union all select (select t.region from ticket t where t.region > r.region order by"
                + " t.region limit 1) from ticket_regions r where r.region is not null)"
                + " select r.region from customer_regions r where r.region is not null and exists (select 1 from"
                + " customer c where c.region = r.region and c.external_id is distinct from ?)"
                + " union select r.region from ticket_regions r where r.region is not null and exists (select 1 from"
                + " ticket t join customer c on c.id = t.customer_id where t.region = r.region and c.external_id is"
                + " distinct from ?)")) {
            statement.setString(1, operationsExternalId);
            statement.setString(2, operationsExternalId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    regions.add(rows.getString(1));
                }
            }
        }
        return regions;
    }

    /** Every Custodian table in the schema, with how an incremental set takes it. */
    public List<Table> tables() throws SQLException {
        Set<String> logged = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("select distinct c.relname from pg_trigger t"
                + " join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and t.tgname = 'backup_change_ins'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                logged.add(rows.getString(1));
            }
        }
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select c.relname, (select string_agg("
                + "a.attname, ',') from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any"
                + " (i.indkey) where i.indrelid = c.oid and i.indisprimary) from pg_class c join pg_namespace n on"
                + " n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in ('r', 'p')"
                + " order by c.relname");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (EXCLUDED.contains(name) || EXCLUDED_PREFIXES.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                String key = LOGGED_BY_PARENT.getOrDefault(name, rows.getString(2));
                Mode mode = APPEND_ONLY.equals(name) ? Mode.APPENDED
                        : logged.contains(name) && key != null && !key.contains(",") ? Mode.LOGGED : Mode.WHOLE;
                tables.add(new Table(name, mode, key));
            }
        }
        return tables;
    }

    /** One attachment as the manifest records it (#24): its chunk count and the SHA-256 of its ciphertext. */
    public record StoredAttachment(long id, Integer chunks, String cipherSha256) { }

    /** Every attachment in the snapshot, by id: what a restore must bring back, chunk for chunk. */
    public List<StoredAttachment> attachments() throws SQLException {
        List<StoredAttachment> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, chunk_count, cipher_sha256 from"
                + " attachment order by id"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int chunks = rows.getInt(2);
                String hash = rows.getString(3);
                found.add(new StoredAttachment(rows.getLong(1), rows.wasNull() ? null : chunks,
                        hash == null ? null : hash.trim()));
            }
        }
        return found;
    }

    /** How many rows the table has in the snapshot: a restore checks it got exactly these. */
    public long count(Table table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from "
                + identifier(table.name())); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** All rows of the table. */
    public long copyAll(Table table, OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy " + identifier(table.name()) + " to stdout (format csv, header)", out);
    }

    /**
     * The tables' heap pages now, by name, for splitting a table into page ranges ({@link #copyPages}): every row of
     * the snapshot lies below this (a row inserted later may lie beyond, and is not visible anyway). 0 for a table
     * with generated columns, which {@code select *} would include and {@code COPY TABLE} leaves out, and for a
     * partitioned one: never split.
     */
    public Map<String, Long> pages() throws SQLException {
        return perTable("case when c.relkind <> 'r' or exists (select 1 from pg_attribute a where a.attrelid ="
                + " c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated <> '') then 0 else"
                + " pg_relation_size(c.oid) / current_setting('block_size')::bigint end");
    }

    /** A number per table of the schema (c: its pg_class row); value is one of this class's own expressions. */
    private Map<String, Long> perTable(String value) throws SQLException {
        Map<String, Long> numbers = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select c.relname, " + value + " from"
                + " pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and"
                + " c.relkind in ('r', 'p')"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                numbers.put(rows.getString(1), rows.getLong(2));
            }
        }
        return numbers;
    }

    /** The CSV header line of the table's COPY, alone (a split table's parts are copied without it). */
    public long copyHeader(Table table, OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy (select * from " + identifier(table.name()) + " limit 0) to stdout (format csv,"
                + " header)", out);
    }

    /**
     * The rows in heap pages {@code [fromPage, toPage)} ({@code toPage} negative: to the end), without a header:
     * one part of a large table, read by a TID range scan while other connections on the same snapshot read the
     * other parts, as the ranges of one table are read side by side (the parts together are every row once).
     */
    public long copyPages(Table table, long fromPage, long toPage, OutputStream out)
            throws SQLException, IOException {
        return copy.copyOut("copy (select * from " + identifier(table.name()) + " where ctid >= '(" + fromPage
                + ",0)'::tid" + (toPage < 0 ? "" : " and ctid < '(" + toPage + ",0)'::tid") + ") to stdout"
                + " (format csv)", out);
    }

    /** Rows of a logged table that changed after the base snapshot and still exist. */
    public long copyChanged(Table table, String baseSnapshot, OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy (select t.* from " + identifier(table.name()) + " t where t."
                + identifier(table.keyColumn()) + "::text in (" + changedKeys(table, baseSnapshot) + ")) to stdout"
                + " (format csv, header)", out);
    }

    /**
     * Keys of a logged table touched after the base snapshot: a restore deletes these rows, then loads the changed
     * rows; keys without a changed row are the deletions.
     */
    public long copyChangedKeys(Table table, String baseSnapshot, OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy (" + changedKeys(table, baseSnapshot) + " order by 1) to stdout (format csv,"
                + " header)", out);
    }

    /** Audit events appended after the base set's last one. */
    public long copyAppended(Table table, long afterSequence, OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy (select * from " + identifier(table.name()) + " where sequence > " + afterSequence
                + " order by sequence) to stdout (format csv, header)", out);
    }

    /** Current values of the schema's sequences, so a restored database hands out no id twice. */
    public long copySequences(OutputStream out) throws SQLException, IOException {
        return copy.copyOut("copy (select sequencename as sequence_name, coalesce(last_value, start_value) as"
                + " last_value from pg_sequences where schemaname = current_schema() and sequencename not like"
                + " 'jbatch%' and sequencename not like 'batch\\_%' order by 1) to stdout (format csv, header)", out);
    }

    private static String changedKeys(Table table, String baseSnapshot) {
        if (!SNAPSHOT.matcher(baseSnapshot).matches()) {
            throw new IllegalArgumentException("not a PostgreSQL snapshot: " + baseSnapshot);
        }
        String snapshot = "'" + baseSnapshot + "'::pg_snapshot";
        return "select distinct c.row_key from backup_change c where c.table_name = " + literal(table.name())
                + " and c.xid >= pg_snapshot_xmin(" + snapshot + ") and not pg_visible_in_snapshot(c.xid, "
                + snapshot + ")";
    }

    private String single(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Ends the read-only transaction and hands the connection back as it was lent. */
    @Override
    public void close() throws SQLException {
        ConnectionReset.restore(connection, previousAutoCommit, previousIsolation);
    }
}
