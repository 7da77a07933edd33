package org.custodian.infrastructure.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes of a restore schema, taken off before its rows are loaded and built again afterwards, as
 * pg_dump/pg_restore do: maintaining an index row by row during COPY costs several times what one sort (or one GIN
 * build) over the loaded table does; the trigram GIN indexes of V112 alone made a restore four times slower.
 * <p>
 * Only indexes that nothing depends on: those backing a primary key, unique or exclusion constraint, or used by a
 * foreign key, stay (they are the ones a load relies on or a constraint needs), and an index attached to a
 * partitioned table's index goes and comes back with its parent. The definitions are PostgreSQL's own
 * ({@code pg_get_indexdef}), read and replayed in the restore's transaction and search_path, so the rebuilt indexes
 * are the ones the schema script created.
 */
final class DeferredIndexes {

    /** Memory for each index build, this transaction only: a GIN build over a million rows wants more than 64 MB. */
    static final String BUILD_MEMORY = "512MB";

    /** An index taken off: its name as PostgreSQL prints it (quoted where needed) and its CREATE INDEX statement. */
    record Index(String name, String definition) {

        /**
         * A search index (GIN: the trigram indexes of V112): the most expensive to build by far (the ticket
         * description's alone took longer than loading every row) and needed by nothing but search, which works
         * without it, only slower. Built after the restored data has committed.
         */
        boolean search() {
            return definition.contains(" USING gin ");
        }
    }

    private final List<Index> dropped;

    private DeferredIndexes(List<Index> dropped) {
        this.dropped = dropped;
    }

    /** Drops the schema's secondary indexes (call before foreign keys come off, so theirs are kept). */
    static DeferredIndexes drop(Connection connection, String schema) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relnamespace = cast(? as regnamespace)"
                + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                + " and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)"
                + " order by 1")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new Index(rows.getString(1), rows.getString(2)));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (Index index : indexes) {
                // the name comes from the catalog's regclass output, quoted by PostgreSQL where it needs to be
                statement.execute("drop index " + index.name());
            }
        }
        return new DeferredIndexes(List.copyOf(indexes));
    }

    /**
     * Builds every dropped index again over the loaded rows, but the search indexes; returns those, to be built
     * after the commit ({@link RestoreIndexBuilds}).
     */
    List<Index> rebuildAllButSearch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '" + BUILD_MEMORY + "'");
            for (Index index : dropped) {
                if (!index.search()) {
                    statement.execute(index.definition());
                }
            }
        }
        return dropped.stream().filter(Index::search).toList();
    }
}
