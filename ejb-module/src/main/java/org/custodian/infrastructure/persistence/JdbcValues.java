package org.custodian.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading columns as the entities see them, for the few paths that use JDBC next to JPA. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** A timestamptz column as an instant (PostgreSQL's driver hands it out as a Timestamp of that instant). */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
