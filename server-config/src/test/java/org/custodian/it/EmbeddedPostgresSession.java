package org.custodian.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL for the whole integration-test run, before the suite's servers boot
 * (Payara Micro, or an application server through Arquillian), on the port failsafe reserved and
 * passed to them as CUSTODIAN_DB_URL. Outside failsafe (no port given) it does nothing.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("custodian.it.db.port");
        if (port == null || postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Direct SQL access for tests that must look under the application (or tamper with it). */
    public static Connection connect() throws SQLException {
        if (postgres == null) {
            throw new IllegalStateException("embedded PostgreSQL is not running (run through failsafe)");
        }
        DataSource dataSource = postgres.getPostgresDatabase();
        return dataSource.getConnection();
    }
}
