package org.custodian.infrastructure.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Builds the indexes a restore left for after its data committed ({@code restore_index_build}, V118; which ones:
 * {@link DeferredIndexes}), on up to {@code parallelism} connections at once, in the order recorded (the longest
 * first; PostgreSQL builds a GIN index on one core). Each index is built and
 * its row marked built in one transaction of its own, so a failed or killed run leaves every index either built and
 * marked or neither, and a restart builds only what is missing. An index that already exists (built by hand) is
 * only marked.
 * <p>
 * The definitions are PostgreSQL's own ({@code pg_get_indexdef}), read with the restore schema as search_path, and
 * replayed with the same search_path; the schema name was checked against {@link PostgresRestoreTarget#SCHEMA_NAME}.
 */
final class RestoreIndexBuilds {

    private record Pending(int position, String name, String definition) { }

    private RestoreIndexBuilds() {
    }

    /**
     * Records, in the restore's transaction on {@code connection}, the indexes still to build in
     * {@code schema} (replacing what an earlier restore into it left), so that they are there to build exactly when
     * the data committed. Returns how many.
     */
    static int record(Connection connection, String liveSchema, String schema, List<DeferredIndexes.Index> indexes,
            long restoreRunId) throws SQLException {
        String table = PostgresSnapshotSource.identifier(liveSchema) + ".restore_index_build";
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where schema_name"
                + " = ?"); PreparedStatement insert = connection.prepareStatement("insert into " + table
                + " (schema_name, position, index_name, definition, restore_run_id) values (?, ?, ?, ?, ?)")) {
            delete.setString(1, schema);
            delete.executeUpdate();
            int position = 0;
            for (DeferredIndexes.Index index : indexes) {
                insert.setString(1, schema);
                insert.setInt(2, position++);
                insert.setString(3, index.name());
                insert.setString(4, index.definition());
                insert.setLong(5, restoreRunId);
                insert.addBatch();
            }
            insert.executeBatch();
            return position;
        }
    }

    /** Returns how many indexes this call built. */
    static int buildPending(DataSource dataSource, String schema, Executor executor, int parallelism)
            throws SQLException {
        if (schema == null || !PostgresRestoreTarget.SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("restore schema '" + schema + "' must be a plain lower-case name");
        }
        Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        String table;
        try (Connection connection = dataSource.getConnection()) {
            table = PostgresSnapshotSource.identifier(current(connection)) + ".restore_index_build";
            try (PreparedStatement select = connection.prepareStatement("select position, index_name, definition"
                    + " from " + table + " where schema_name = ? and built_at is null order by position")) {
                select.setString(1, schema);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        queue.add(new Pending(rows.getInt(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
        }
        AtomicInteger built = new AtomicInteger();
        String marks = table;
        SideBySide.<SQLException>run(Math.min(parallelism, queue.size()), executor, () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    Pending next;
                    while ((next = queue.poll()) != null) {
                        built.addAndGet(build(connection, marks, schema, next));
                    }
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        });
        return built.get();
    }

    /** One index and its row, one transaction; returns 1 if it was built here, 0 if it existed. */
    private static int build(Connection connection, String table, String schema, Pending index)
            throws SQLException {
        long start = System.nanoTime();
        int built = 0;
        try (Statement statement = connection.createStatement();
                PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null");
                PreparedStatement mark = connection.prepareStatement("update " + table + " set built_at ="
                        + " current_timestamp, build_ms = ? where schema_name = ? and position = ? and index_name = ?")) {
            statement.execute("set local maintenance_work_mem = '" + DeferredIndexes.BUILD_MEMORY + "'");
            statement.execute("set local search_path to " + schema);
            // a commit lost in a crash loses the index and its mark together: the restart builds it again
            statement.execute("set local synchronous_commit = off");
            exists.setString(1, index.name());
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    statement.execute(index.definition());
                    built = 1;
                }
            }
            mark.setLong(1, (System.nanoTime() - start) / 1_000_000);
            mark.setString(2, schema);
            mark.setInt(3, index.position());
            // by name too: a newer restore into the schema may have replaced the list meanwhile
            mark.setString(4, index.name());
            mark.executeUpdate();
            connection.commit();
            return built;
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException(index.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static String current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_schema()")) {
            row.next();
            return row.getString(1);
        }
    }
}
