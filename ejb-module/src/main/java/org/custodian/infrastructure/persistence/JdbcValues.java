package org.custodian.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns as the entities see them, for the few paths that use JDBC next to JPA. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** A timestamptz column as an instant (PostgreSQL's driver hands it out as a Timestamp of that instant). */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * A timestamptz value of a native query's result row as an instant (null stays null): the providers hand it out
     * as a Timestamp, an OffsetDateTime or an Instant, depending on provider and driver.
     */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof Instant instant ? instant : Instant.parse(value.toString());
    }
}
