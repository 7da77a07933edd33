package org.custodian.infrastructure.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

/**
 * Hands a pooled connection back as it was lent. Each reset is tried on its own; if any fails (a COPY aborted
 * half-way can leave the connection unusable), the connection is aborted rather than returned to the pool in
 * REPEATABLE READ or with autocommit off.
 */
final class ConnectionReset {

    private static final Executor NOW = Runnable::run;

    private ConnectionReset() {
    }

    static void restore(Connection connection, boolean autoCommit, int isolation) throws SQLException {
        SQLException failure = null;
        for (SqlStep step : new SqlStep[] {Connection::rollback, c -> c.setTransactionIsolation(isolation),
                c -> c.setAutoCommit(autoCommit)}) {
            try {
                step.run(connection);
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            try {
                connection.abort(NOW);
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        connection.close();
        if (failure != null) {
            throw failure;
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run(Connection connection) throws SQLException;
    }
}
