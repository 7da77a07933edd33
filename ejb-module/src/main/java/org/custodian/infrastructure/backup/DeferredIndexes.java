package org.custodian.infrastructure.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>
 * Most of them are built only after the data committed ({@link RestoreIndexBuilds}): no query needs an index to be
 * correct, only to be fast. Two kinds are built again inside the transaction, before the checks:
 * <ul>
 * <li>unique indexes: they are integrity checks (a duplicate fails the restore, all or nothing) and the arbiters
 * {@code INSERT … ON CONFLICT} needs; there are few and they are small;</li>
 * <li>plain b-trees led by a foreign key's columns ({@code ticket.customer_id}, {@code ticket_comment.ticket_id},
 * …): what the transaction itself still does after the load, the erasure replay ({@code DatabaseRestored}) looking
 * up each erased customer's tickets and rows, and every delete of a referenced row checking its referencing rows,
 * would otherwise scan whole tables once per erasure or row; integer b-trees, the cheapest to build.</li>
 * </ul>
 */
final class DeferredIndexes {

    /** Memory for each index build, this transaction only: a GIN build over a million rows wants more than 64 MB. */
    static final String BUILD_MEMORY = "512MB";

    /**
     * An index taken off: its name and its table's as PostgreSQL prints them (quoted where needed), its CREATE INDEX
     * statement, and
     * whether it is built again inside the restore's transaction (see the class comment) or after its commit.
     */
    record Index(String name, String table, String definition, boolean inTransaction) {

        boolean gin() {
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
                + " i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisunique or (a.amname = 'btree' and i.indpred is null and"
                + " exists (select 1 from pg_constraint f, lateral (select (string_to_array(i.indkey::text, ' ')"
                + "::int2[])[1:cardinality(f.conkey)] as columns) l where f.contype = 'f' and f.conrelid ="
                + " i.indrelid and l.columns @> f.conkey and f.conkey @> l.columns))"
                + " from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam"
                + " where c.relnamespace = cast(? as regnamespace)"
                + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                + " and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)"
                + " order by 1")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new Index(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getBoolean(4)));
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
     * Builds the dropped indexes the transaction needs (unique, foreign-key lookups) again over the loaded rows;
     * returns the others, to be built after the commit ({@link RestoreIndexBuilds}): largest table first, GIN before
     * b-tree, so that the longest builds start first when they are spread over connections.
     */
    List<Index> rebuildInTransaction(Connection connection) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        try (Statement statement = connection.createStatement();
                PreparedStatement size = connection.prepareStatement("select pg_relation_size(cast(? as regclass))")) {
            statement.execute("set local maintenance_work_mem = '" + BUILD_MEMORY + "'");
            for (Index index : dropped) {
                if (index.inTransaction()) {
                    statement.execute(index.definition());
                } else if (!sizes.containsKey(index.table())) {
                    size.setString(1, index.table());
                    try (ResultSet row = size.executeQuery()) {
                        row.next();
                        sizes.put(index.table(), row.getLong(1));
                    }
                }
            }
        }
        return dropped.stream().filter(index -> !index.inTransaction())
                .sorted(Comparator.comparing((Index index) -> -sizes.get(index.table()))
                        .thenComparing(index -> !index.gin()))
                .toList();
    }
}
