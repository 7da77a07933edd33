package org.custodian.infrastructure.persistence;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * For benchmarks: one PostgreSQL session whose CPU time can be read (Linux, a server on this machine), handed out as
 * a data source whose every connection is that session (closing it does nothing), with parallel workers off so that
 * all of a statement's work is in this one backend. On a machine shared with other work, CPU seconds say what a
 * statement costs; wall-clock seconds say as much about the neighbours.
 */
final class BackendCpu implements AutoCloseable {

    private final Connection session;
    private final Path stat;

    BackendCpu(DataSource dataSource) throws SQLException {
        session = dataSource.getConnection();
        try (Statement s = session.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            stat = Path.of("/proc", String.valueOf(r.getInt(1)), "stat");
            s.execute("set max_parallel_workers_per_gather = 0");
        }
    }

    /** The session as a data source (closing its connection leaves the session open). */
    DataSource dataSource() {
        Connection pinned = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return pinned;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The backend's user + system CPU seconds so far, or -1 when /proc does not show it (another machine). */
    double seconds() {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state is index 0, utime 11, stime 12 (clock ticks, 100 per second on Linux)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws SQLException {
        session.close();
    }
}
