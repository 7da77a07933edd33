package org.custodian.infrastructure.backup;

import static org.custodian.infrastructure.backup.PostgresSnapshotSource.identifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.MerkleFrontier;
import org.custodian.infrastructure.persistence.JdbcValues;
import org.custodian.infrastructure.persistence.JpaAuditEventRepository;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A PostgreSQL schema a backup chain is restored into, in one transaction on a connection of its own: the set's
 * own schema script creates the tables (search_path points at the restore schema for the whole transaction, so the
 * live schema is never touched), secondary indexes and foreign keys are taken off while rows are loaded with COPY
 * (FREEZE: the tables were created in this transaction), then the unique and foreign-key indexes are built over the
 * loaded rows and the foreign keys put back, which checks every reference. Nothing is visible to anyone until
 * {@link #commit}; a failure rolls it all back. The other secondary indexes (search, sorting, filtering) are built
 * after the commit, each in a transaction of its own ({@link RestoreIndexBuilds}); see {@link DeferredIndexes}.
 * <p>
 * Identifiers in the SQL come from PostgreSQL's catalog or from the configured schema name checked against
 * {@link #SCHEMA_NAME}; values go through bind parameters wherever PostgreSQL accepts them.
 */
public final class PostgresRestoreTarget implements AutoCloseable {

    /** A plain lower-case PostgreSQL identifier; nothing that needs quoting. */
    public static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** A foreign key taken off for the load: re-adding it validates every row. */
    record ForeignKey(String table, String name, String definition) { }

    /** Up to this many keys an incremental's removal looks each one up by the primary key. */
    static final long ARRAY_KEYS_MAX = 100_000;

    private final Connection connection;
    private final CopyManager copy;
    private final String schema;
    private final String liveSchema;
    private final boolean previousAutoCommit;
    private final int previousIsolation;
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    /** The tables the backup held (their rows were loaded); the schema script creates others it does not hold. */
    private final Set<String> loaded = new TreeSet<>();
    /** COPY FREEZE is refused for partitioned tables. */
    private final Set<String> partitioned = new TreeSet<>();
    private DeferredIndexes indexes;
    private List<DeferredIndexes.Index> deferredIndexes = List.of();
    private boolean committed;

    private PostgresRestoreTarget(Connection connection, String schema, String liveSchema) throws SQLException {
        this.connection = connection;
        this.schema = schema;
        this.liveSchema = liveSchema;
        this.previousAutoCommit = connection.getAutoCommit();
        this.previousIsolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * Opens a transaction that (re)creates the schema. Refuses the schema the application itself lives in: an
     * isolated restore must never replace live data.
     */
    public static PostgresRestoreTarget open(DataSource dataSource, String schema) throws SQLException {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("restore schema '" + schema + "' must be a plain lower-case name"
                    + " (letters, digits, _; at most 63)");
        }
        Connection connection = dataSource.getConnection();
        try {
            String live;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select current_schema()")) {
                row.next();
                live = row.getString(1);
            }
            if (schema.equals(live)) {
                throw new IllegalArgumentException("restore schema '" + schema + "' is the schema Custodian runs in;"
                        + " an isolated restore needs a schema of its own");
            }
            return new PostgresRestoreTarget(connection, schema, live);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Drops what an earlier restore left there, creates the tables from the set's schema script, empties them. */
    public void createSchema(InputStream schemaScript) throws SQLException, IOException {
        String script = new String(schemaScript.readAllBytes(), StandardCharsets.UTF_8);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            // local: ends with the transaction, so the pooled connection goes back with its usual path
            statement.execute("set local search_path to " + schema);
            // this transaction's commit need not wait for its WAL to reach the disk: the restore's report commits
            // after it with a synchronous commit, whose flush covers this one's (WAL is flushed in order), so no
            // report can outlive a crash that lost the restore it reports
            statement.execute("set local synchronous_commit = off");
            statement.execute(script);
        }
        try (PreparedStatement statement = connection.prepareStatement("select c.relname, c.relkind = 'p' from"
                + " pg_class c where c.relnamespace = cast(? as regnamespace) and c.relkind in ('r', 'p') order by"
                + " c.relname")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                    if (rows.getBoolean(2)) {
                        partitioned.add(rows.getString(1));
                    }
                }
            }
        }
        // before the foreign keys come off, so that an index one of them uses stays
        indexes = DeferredIndexes.drop(connection, schema);
        try (PreparedStatement statement = connection.prepareStatement("select conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and connamespace = cast(? as"
                + " regnamespace) order by conname")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    foreignKeys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : foreignKeys) {
                statement.execute("alter table " + identifier(key.table()) + " drop constraint "
                        + identifier(key.name()));
            }
            for (String table : tables) {
                // the change-log triggers would only log the load itself
                statement.execute("alter table " + identifier(table) + " disable trigger user");
            }
        }
        // the migrations seed default rows; the backup has the real ones. Only the tables that have rows are
        // truncated: a truncate gives each table, its TOAST table and its indexes new files, 0.6 s for all of them
        List<String> seeded = seededTables();
        if (!seeded.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate " + String.join(", ", seeded.stream()
                        .map(PostgresSnapshotSource::identifier).toList()));
            }
        }
    }

    /** The tables the schema script left rows in, by one statement over all of them. */
    private List<String> seededTables() throws SQLException {
        List<String> seeded = new ArrayList<>();
        if (tables.isEmpty()) {
            return seeded;
        }
        // table names from the catalog, quoted by identifier(); the positions pick the names back
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            query.append(i == 0 ? "" : " union all ").append("select ").append(i).append(" where exists (select 1 from ")
                    .append(identifier(tables.get(i))).append(")");
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query.toString())) {
            while (rows.next()) {
                seeded.add(tables.get(rows.getInt(1)));
            }
        }
        return seeded;
    }

    public List<String> tables() {
        return List.copyOf(tables);
    }

    /** Loads COPY CSV (with header) into the table; returns the rows loaded. */
    public long load(String table, InputStream csv) throws SQLException, IOException {
        requireTable(table);
        loaded.add(table);
        // FREEZE: rows written frozen and pages all-visible, so neither the checks and index builds that read them
        // next nor a later vacuum rewrite every page; allowed because createSchema created the table in this
        // transaction (nothing outside it can see the rows before the commit anyway)
        return copy.copyIn("copy " + identifier(table) + " from stdin (format csv, header"
                + (partitioned.contains(table) ? "" : ", freeze") + ")", csv);
    }

    /**
     * Builds the unique and foreign-key indexes taken off for the load over the loaded rows; the other secondary
     * indexes are left for after the commit ({@link #recordDeferredIndexes}); returns how many are left.
     */
    public int createIndexes() throws SQLException {
        if (indexes == null) {
            throw new IllegalStateException("no schema was created");
        }
        deferredIndexes = indexes.rebuildInTransaction(connection);
        indexes = null;
        return deferredIndexes.size();
    }

    /**
     * Records, in this transaction, the indexes still to build in the restore schema after the commit (replacing
     * what an earlier restore into the same schema left): they are there to build exactly when the data committed.
     * Returns how many.
     */
    public int recordDeferredIndexes(long restoreRunId) throws SQLException {
        return RestoreIndexBuilds.record(connection, liveSchema, schema, deferredIndexes, restoreRunId);
    }

    /** Removes every row of the table (a "whole" table of an incremental set replaces it). */
    public void clear(String table) throws SQLException {
        requireTable(table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from " + identifier(table));
        }
    }

    /** Removes the rows whose keys an incremental set lists (changed or deleted since its base). */
    public long removeKeys(String table, InputStream keysCsv) throws SQLException, IOException {
        requireTable(table);
        String key = keyColumn(table);
        try (Statement statement = connection.createStatement()) {
            // the keys in the key column's own type, so that the delete finds them through the primary key
            statement.execute("drop table if exists pg_temp.restore_keys");
            statement.execute("create temp table restore_keys on commit drop as select " + identifier(key) + " as k"
                    + " from " + identifier(table) + " with no data");
        }
        long keys = copy.copyIn("copy restore_keys from stdin (format csv, header)", keysCsv);
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze restore_keys");
            // the table was loaded in this transaction and has no statistics yet: against "in (select …)" the planner
            // scans all of it (0.45 s for 3,000 keys of 300k tickets); an array goes through the primary key. A very
            // long list is left to the hash join, which is then the better plan.
            String keysOf = keys <= ARRAY_KEYS_MAX ? " = any (array(select k from restore_keys))"
                    : " in (select k from restore_keys)";
            return statement.executeUpdate("delete from " + identifier(table) + " where " + identifier(key) + keysOf);
        }
    }

    /** Sets each sequence of sequences.csv (name,last_value) to its value in the set. */
    public int setSequences(InputStream csv) throws SQLException, IOException {
        String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        int set = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "select setval(cast(? as regclass), ?)")) {
            for (int i = 1; i < lines.length; i++) {
                String[] parts = lines[i].trim().split(",");
                if (parts.length != 2) {
                    continue;
                }
                statement.setString(1, identifier(parts[0]));
                statement.setLong(2, Long.parseLong(parts[1]));
                statement.execute();
                set++;
            }
        }
        return set;
    }

    /**
     * Puts the foreign keys back, which checks every reference; returns what failed ("constraint on table: why"),
     * each in a savepoint so that one broken reference does not hide the others.
     */
    public List<String> restoreForeignKeys() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (ForeignKey key : foreignKeys) {
            var savepoint = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute("alter table " + identifier(key.table()) + " add constraint "
                        + identifier(key.name()) + " " + key.definition());
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                problems.add(key.name() + " on " + key.table() + ": " + e.getMessage().replace('\n', ' '));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("alter table " + identifier(table) + " enable trigger user");
            }
        }
        return problems;
    }

    /** True if a foreign key of the schema (put back by {@link #restoreForeignKeys}) starts at table.column. */
    public boolean enforces(String table, String column) {
        return foreignKeys.stream().anyMatch(key -> key.table().equals(table)
                && key.definition().startsWith("FOREIGN KEY (" + column + ")"));
    }

    /** Row counts of the restored tables. */
    public Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("select count(*) from " + identifier(table))) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        return counts;
    }

    /** A query returning one number (a referential or content check), run in the restore schema. */
    public long number(String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Events that a pruning removed after the chain's base set was taken come back with the base (an incremental
     * set only adds events); the restored pruning point says which, and they are removed again. Returns how many.
     */
    public long dropPrunedEvents() throws SQLException {
        if (!hasTable("audit_prune")) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("delete from audit_event where sequence <= (select coalesce(max(tree_size),"
                    + " 0) from audit_prune)");
        }
    }

    /** Sets taken before a migration lack its tables. */
    private boolean hasTable(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Walks the restored audit trail through the verifier (hash chain, Merkle tree, signed checkpoints). */
    public AuditTrailVerifier verifyAuditTrail(Predicate<AuditCheckpoint> signatureValid)
            throws SQLException {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tree_size, root_hash, chain_hash, created_at,"
                        + " algorithm, key_id, signature from audit_checkpoint order by tree_size")) {
            while (rows.next()) {
                checkpoints.add(new AuditCheckpoint(rows.getLong(1), rows.getString(2), rows.getString(3),
                        JdbcValues.instant(rows, 4), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        // a trail pruned before the backup starts at its latest pruning point, checked against its signed checkpoint
        AuditPrunePoint pruned = null;
        if (hasTable("audit_prune")) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select tree_size, chain_hash, merkle_frontier, pruned_at,"
                            + " cutoff, events_removed, requested_by, reason from audit_prune order by tree_size desc"
                            + " limit 1")) {
                if (rows.next()) {
                    pruned = new AuditPrunePoint(rows.getLong(1), rows.getString(2).trim(),
                            MerkleFrontier.decode(rows.getString(3)), JdbcValues.instant(rows, 4),
                            JdbcValues.instant(rows, 5), rows.getLong(6), rows.getString(7), rows.getString(8));
                }
            }
        }
        AuditTrailVerifier verifier = AuditTrailVerifier.startingAt(pruned, checkpoints, signatureValid);
        try (PreparedStatement select = connection.prepareStatement("select "
                + JpaAuditEventRepository.STORED_EVENT_COLUMNS + " from audit_event where sequence > ?"
                + " order by sequence");
                Statement statement = connection.createStatement()) {
            select.setLong(1, verifier.prunedTo());
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    verifier.accept(JpaAuditEventRepository.storedEvent(rows));
                }
            }
            try (ResultSet head = statement.executeQuery("select last_sequence, last_hash from audit_chain_head"
                    + " where id = 1")) {
                if (head.next()) {
                    verifier.finish(head.getLong(1), head.getString(2));
                }
            }
        }
        return verifier;
    }

    /**
     * Moves the restored rows over the live schema's, in this same transaction, for every restored table except
     * those in keepLive (the audit trail is never rewound); see {@link LiveReplacement}. Returns the tables replaced.
     */
    public List<String> replaceLive(Set<String> keepLive) throws SQLException {
        return LiveReplacement.replace(connection, liveSchema, schema, loaded, keepLive);
    }

    public Connection connection() {
        return connection;
    }

    public String schema() {
        return schema;
    }

    public void commit() throws SQLException {
        connection.commit();
        committed = true;
    }

    /** Drops the schema (a drill's copy) in a transaction of its own. */
    public void drop() throws SQLException {
        if (!committed) {
            connection.rollback();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        ConnectionReset.restore(connection, previousAutoCommit, previousIsolation);
    }

    private String keyColumn(String table) throws SQLException {
        if (PostgresSnapshotSource.LOGGED_BY_PARENT.containsKey(table)) {
            return PostgresSnapshotSource.LOGGED_BY_PARENT.get(table); // e.g. attachment chunks by attachment (V115)
        }
        try (PreparedStatement statement = connection.prepareStatement("select a.attname from pg_index i join"
                + " pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey) where i.indrelid ="
                + " to_regclass(?) and i.indisprimary")) {
            statement.setString(1, identifier(table));
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("table " + table + " has no primary key to apply changes by");
                }
                String key = rows.getString(1);
                if (rows.next()) {
                    throw new SQLException("table " + table + " has a composite key; incremental sets copy it whole");
                }
                return key;
            }
        }
    }

    private void requireTable(String table) {
        if (!tables.contains(table)) {
            throw new IllegalArgumentException("the set holds table " + table + ", which its schema script does not"
                    + " create");
        }
    }

}
