package org.custodian.infrastructure.backup;

import static org.custodian.infrastructure.backup.PostgresSnapshotSource.identifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.infrastructure.backup.PostgresRestoreTarget.ForeignKey;

/**
 * A LIVE restore's last move, in the restore's transaction: the checked copy's rows over the live tables. The
 * live tables keep their indexes (the running application uses them), so nothing of the restore schema's deferred
 * indexes matters here.
 */
final class LiveReplacement {

    private LiveReplacement() {
    }

    /**
     * Moves the restored rows over the live schema's, in this same transaction, for every restored table except
     * those in keepLive (the audit trail is never rewound). Live foreign keys touching those tables come off and go
     * back on (checking every reference), change-log triggers stay quiet, sequences only move forward, so ids the
     * running application already holds are never handed out twice. Returns the tables replaced.
     */
    static List<String> replace(Connection connection, String liveSchema, String schema, Set<String> loaded,
            Set<String> keepLive) throws SQLException {
        String live = identifier(liveSchema) + ".";
        List<String> replaced = new ArrayList<>();
        for (String table : loaded) {
            // only what the backup held: the catalog, the job repository and the like stay live
            if (!keepLive.contains(table) && existsLive(connection, liveSchema, table)) {
                replaced.add(table);
            }
        }
        List<ForeignKey> liveKeys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and connamespace = cast(? as"
                + " regnamespace) and (conrelid::regclass::text = any (?) or confrelid::regclass::text = any (?))")) {
            String[] qualified = replaced.stream().map(table -> liveSchema + "." + table).toArray(String[]::new);
            statement.setString(1, liveSchema);
            statement.setArray(2, connection.createArrayOf("text", qualified));
            statement.setArray(3, connection.createArrayOf("text", qualified));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    liveKeys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : liveKeys) {
                statement.execute("alter table " + key.table() + " drop constraint " + identifier(key.name()));
            }
            statement.execute("truncate " + String.join(", ", replaced.stream().map(t -> live + identifier(t))
                    .toList()));
            for (String table : replaced) {
                String columns = String.join(", ", columns(connection, schema, table).stream().map(PostgresSnapshotSource::identifier)
                        .toList());
                statement.execute("alter table " + live + identifier(table) + " disable trigger user");
                statement.execute("insert into " + live + identifier(table) + " (" + columns + ") select " + columns
                        + " from " + identifier(schema) + "." + identifier(table));
                statement.execute("alter table " + live + identifier(table) + " enable trigger user");
            }
            for (ForeignKey key : liveKeys) {
                statement.execute("alter table " + key.table() + " add constraint " + identifier(key.name()) + " "
                        + key.definition());
            }
            List<String> sequenceNames = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select sequencename from pg_sequences"
                    + " where schemaname = ?")) {
                query.setString(1, schema);
                try (ResultSet sequences = query.executeQuery()) {
                    while (sequences.next()) {
                        sequenceNames.add(sequences.getString(1));
                    }
                }
            }
            for (String name : sequenceNames) {
                String liveSequence = live + identifier(name);
                statement.execute("select setval('" + liveSequence.replace("'", "''") + "', greatest((select"
                        + " last_value from " + liveSequence + "), (select last_value from " + identifier(schema)
                        + "." + identifier(name) + ")))");
            }
        }
        return replaced;
    }

    private static boolean existsLive(Connection connection, String liveSchema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from pg_class where"
                + " relnamespace = cast(? as regnamespace) and relname = ? and relkind in ('r', 'p')")) {
            statement.setString(1, liveSchema);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        }
    }

    /** The restored table's columns, in order: inserted by name, so a column order that differs does no harm. */
    private static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select attname from pg_attribute where"
                + " attrelid = to_regclass(?) and attnum > 0 and not attisdropped order by attnum")) {
            statement.setString(1, identifier(schema) + "." + identifier(table));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
