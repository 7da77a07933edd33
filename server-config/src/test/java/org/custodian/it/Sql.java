package org.custodian.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small direct-SQL helpers: what the tests check (or break) underneath the application. */
public final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> T with(String sql, Object[] parameters, Work<T> work) throws SQLException {
        try (Connection connection = EmbeddedPostgresSession.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return work.run(statement);
        }
    }

    static long longValue(String query, Object... parameters) throws SQLException {
        return with(query, parameters, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row for " + query);
                }
                return result.getLong(1);
            }
        });
    }

    public static String text(String query, Object... parameters) throws SQLException {
        return with(query, parameters, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        });
    }

    /** The first column of every row, in order. */
    static List<String> texts(String query, Object... parameters) throws SQLException {
        return with(query, parameters, statement -> {
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        });
    }

    /** Every text column of every table in {@code schema} that holds {@code value} (ignoring case). */
    static List<String> columnsHolding(String schema, String value) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String column : texts("select table_name || '.' || column_name from information_schema.columns"
                + " where table_schema = ? and data_type in ('character varying', 'character', 'text')", schema)) {
            String[] parts = column.split("\\.");
            // names from the catalog itself, quoted
            if (longValue("select count(*) from \"" + schema + "\".\"" + parts[0] + "\" where lower(\""
                    + parts[1] + "\") like ?", "%" + value + "%") > 0) {
                found.add(column);
            }
        }
        return found;
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        return with(sql, parameters, PreparedStatement::executeUpdate);
    }

    static void script(String... statements) throws SQLException {
        try (Connection connection = EmbeddedPostgresSession.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
