package org.custodian.infrastructure.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fills a new column from existing rows: reads them with a select, binds one update per row and sends the updates
 * in batches. The shape of every Java migration that derives data in Java (masks, hashes).
 */
final class BatchedUpdate {

    /** Binds the update's parameters for the current row. */
    @FunctionalInterface
    interface RowBinder {
        void bind(ResultSet row, PreparedStatement update) throws SQLException;
    }

    private BatchedUpdate() {
    }

    static void run(Connection connection, String select, String update, int batch, RowBinder binder)
            throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            read.setFetchSize(batch);
            try (ResultSet rows = read.executeQuery()) {
                int pending = 0;
                while (rows.next()) {
                    binder.bind(rows, write);
                    write.addBatch();
                    if (++pending == batch) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                write.executeBatch();
            }
        }
    }
}
