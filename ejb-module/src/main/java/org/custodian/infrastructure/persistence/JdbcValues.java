package org.custodian.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns the same way on both databases, for the few paths that use JDBC next to JPA. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** PostgreSQL hands out timestamptz as Timestamp, H2 as OffsetDateTime; both are the same instant. */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
