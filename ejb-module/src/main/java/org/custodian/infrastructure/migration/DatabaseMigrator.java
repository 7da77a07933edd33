package org.custodian.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Flyway is the only
 * thing that creates or alters tables; the migrations live in {@code db/migration}. Custodian runs
 * on PostgreSQL only (the one-command run starts an embedded one), so any other database is refused
 * before a migration runs.
 */
@Singleton
@Startup
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    /** Class-path folder of the SQL migrations (one version-number sequence, shared with the Java ones). */
    private static final String LOCATION = "db/migration";

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    private String schemaVersion;

    private List<String> appliedSqlScripts = List.of();

    /** Flyway commits each migration itself, so no container transaction may be open around it. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        requirePostgresql();
        Flyway flyway = flyway(dataSource);
        MigrateResult result = flyway.migrate();
        List<String> scripts = new ArrayList<>();
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getType().isSynthetic() || applied.getScript() == null || !applied.getScript().endsWith(".sql")) {
                continue;
            }
            scripts.add(LOCATION + "/" + applied.getScript());
        }
        appliedSqlScripts = List.copyOf(scripts);
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Custodian schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }

    /** The Flyway the application migrates with; public so that a benchmark or a database test builds exactly its schema. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                // registered, not scanned: class scanning is unreliable inside application-server class loaders
                .javaMigrations(new V2_1__MaskedCopies(), new V3_1__MerkleLeaves())
                .table("flyway_schema_history")
                .validateMigrationNaming(true)
                .load();
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Class-path resources of the SQL migrations applied, in order: run on an empty database they create the
     * schema this database has (the Java migrations only transform existing rows). Backup sets carry them.
     */
    public List<String> appliedSqlScripts() {
        return appliedSqlScripts;
    }

    private void requirePostgresql() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
                throw new IllegalStateException("Custodian runs on PostgreSQL, not " + product);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database behind jdbc/custodian: " + e.getMessage(), e);
        }
    }
}
