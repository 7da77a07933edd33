package org.custodian.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with multi-row {@code VALUES} lists of placeholders: one statement (and one execution on the
 * server) per {@value #ROWS_PER_INSERT} rows. A JDBC batch of a one-row INSERT is executed row by row on the server
 * unless the PostgreSQL driver is told to rewrite it ({@code reWriteBatchedInserts}), which a datasource configured by
 * someone else may not say; this does not depend on it. Values are always bound, never written into the SQL.
 */
public final class MultiRowInsert {

    /** Rows per statement: few statements, well under the protocol's limit of 65,535 parameters. */
    public static final int ROWS_PER_INSERT = 250;

    /** Binds one row's values, its first at parameter {@code at}. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, int at, T row) throws SQLException;
    }

    private MultiRowInsert() {
    }

    /**
     * Inserts {@code rows} through {@code insertInto} (up to and including {@code values }) followed by the rows'
     * placeholder lists of {@code columns} each and {@code tail} (e.g. an {@code on conflict} clause, or empty).
     */
    public static <T> void insert(Connection connection, String insertInto, int columns, String tail, List<T> rows,
            RowBinder<T> binder) throws SQLException {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement insert = connection.prepareStatement(insertInto
                    + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row)) + tail)) {
                for (int group = 0; group < full; group++) {
                    bindRows(insert, columns, rows.subList(group * ROWS_PER_INSERT, (group + 1) * ROWS_PER_INSERT),
                            binder);
                    insert.executeUpdate();
                }
            }
        }
        List<T> rest = rows.subList(full * ROWS_PER_INSERT, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(insertInto
                    + String.join(", ", Collections.nCopies(rest.size(), row)) + tail)) {
                bindRows(insert, columns, rest, binder);
                insert.executeUpdate();
            }
        }
    }

    private static <T> void bindRows(PreparedStatement insert, int columns, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(insert, i * columns + 1, rows.get(i));
        }
    }
}
