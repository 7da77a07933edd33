package org.custodian.infrastructure.persistence;

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

/**
 * Ids for rows inserted through JDBC next to the persistence provider (an import's chunk, #24). The entity sequences
 * ({@code customer_seq}, {@code ticket_seq}, {@code comment_seq}) go up by 50 and EclipseLink takes each value it
 * draws as the last id of a block of 50 (allocationSize 50): ids taken here are whole such blocks, drawn with one
 * statement, so they never meet the provider's.
 */
final class SequenceBlocks {

    /** The sequences' increment and the entities' allocationSize. */
    static final int BLOCK = 50;

    private SequenceBlocks() {
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

    /** A type-name list stored as {@code RedactedTypes} keeps it (comma-separated, null when empty). */
    static String redactedTypes(List<String> names) {
        return names.isEmpty() ? null : String.join(",", names);
    }
}
