package org.custodian.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL with the application's migrations for one test class, registered as a static field
 * ({@code @RegisterExtension static final MigratedPostgres POSTGRES = new MigratedPostgres();}): started before the
 * class's own {@code @BeforeAll} methods run (so that they can seed it), closed after its last test.
 */
public final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        DatabaseMigrator.flyway(dataSource).migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The migrated database, as the postgres user. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A new connection to the migrated database (the caller closes it). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
