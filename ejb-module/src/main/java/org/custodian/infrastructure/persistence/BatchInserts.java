package org.custodian.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rows inserted through JDBC (multi-row statements) next to the persistence provider (an import's chunk, #24), on
 * the transaction's connection (the container hands out the one enlisted, so they commit with it). Ids: the entity sequences
 * ({@code customer_seq}, {@code ticket_seq}, {@code comment_seq}) go up by 50 and EclipseLink takes each value it
 * draws as the last id of a block of 50 (allocationSize 50); ids taken here are whole such blocks, drawn with one
 * statement, so they never meet the provider's.
 */
final class BatchInserts {

    /** The sequences' increment and the entities' allocationSize. */
    static final int BLOCK = 50;

    private BatchInserts() {
    }

    /** {@code count} new ids of {@code sequence}, on the transaction's connection; {@code what} names them in errors. */
    static List<Long> ids(DataSource dataSource, String sequence, int count, String what) {
        try (Connection connection = dataSource.getConnection()) {
            return take(connection, sequence, count);
        } catch (SQLException e) {
            throw new PersistenceException("reserving " + count + " " + what + " ids failed: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts {@code items} on the transaction's connection with multi-row statements ({@link MultiRowInsert}:
     * {@code insertInto} up to {@code values }, {@code columns} placeholders per row).
     */
    static <T> void insert(DataSource dataSource, String insertInto, int columns, List<T> items,
            MultiRowInsert.RowBinder<T> binder, String what) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MultiRowInsert.insert(connection, insertInto, columns, "", items, binder);
        } catch (SQLException e) {
            throw new PersistenceException("storing " + items.size() + " " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code count} new ids of {@code sequence} (a constant of the caller, bound as a value), in order. */
    static List<Long> take(Connection connection, String sequence, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement next = connection.prepareStatement("select nextval(cast(? as regclass))"
                + " from generate_series(1, ?)")) {
            next.setString(1, sequence);
            next.setInt(2, (count + BLOCK - 1) / BLOCK);
            try (ResultSet blocks = next.executeQuery()) {
                while (blocks.next() && ids.size() < count) {
                    long last = blocks.getLong(1);
                    for (long id = last - BLOCK + 1; id <= last && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.size() != count) {
            throw new SQLException(sequence + " handed out " + ids.size() + " of " + count + " ids");
        }
        return ids;
    }

    /** An instant bound as the entities' converter binds it (UTC timestamptz); null stays null. */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** A number or SQL null. */
    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** A type-name list stored as {@code RedactedTypes} keeps it (comma-separated, null when empty). */
    static String redactedTypes(List<String> names) {
        return names.isEmpty() ? null : String.join(",", names);
    }
}
