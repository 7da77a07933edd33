package org.custodian.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Flyway is the only
 * thing that creates or alters tables. Migrations both databases run live in
 * {@code db/migration/common}; a vendor-only one would go to {@code db/migration/postgresql} or
 * {@code db/migration/h2} (one version-number sequence across all three).
 */
@Singleton
@Startup
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/custodian")
    private DataSource dataSource;

    private String schemaVersion;

    private List<String> appliedSqlScripts = List.of();

    /** Flyway commits each migration itself, so no container transaction may be open around it. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        String vendor = vendor();
        ClassLoader classLoader = DatabaseMigrator.class.getClassLoader();
        List<String> locations = locations(vendor);
        Flyway flyway = flyway(dataSource, vendor);
        MigrateResult result = flyway.migrate();
        List<String> scripts = new ArrayList<>();
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getType().isSynthetic() || applied.getScript() == null || !applied.getScript().endsWith(".sql")) {
                continue;
            }
            locations.stream().map(location -> location.substring("classpath:".length()) + "/" + applied.getScript())
                    .filter(resource -> classLoader.getResource(resource) != null).findFirst().ifPresent(scripts::add);
        }
        appliedSqlScripts = List.copyOf(scripts);
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Custodian schema on " + vendor + " at version " + schemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
    }

    /** Where the migrations for {@code vendor} are: the common ones, then the vendor's own if it has any. */
    static List<String> locations(String vendor) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
        if (DatabaseMigrator.class.getClassLoader().getResource("db/migration/" + vendor) != null) {
            locations.add("classpath:db/migration/" + vendor);
        }
        return locations;
    }

    /**
     * The Flyway the application migrates with ({@code vendor} "postgresql" or "h2"); public so that a benchmark or
     * a database test builds exactly the application's schema.
     */
    public static Flyway flyway(DataSource dataSource, String vendor) {
        return Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(vendor).toArray(new String[0]))
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

    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Custodian supports PostgreSQL and H2, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database behind jdbc/custodian: " + e.getMessage(), e);
        }
    }
}
