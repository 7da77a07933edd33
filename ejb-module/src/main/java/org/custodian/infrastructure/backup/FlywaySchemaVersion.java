package org.custodian.infrastructure.backup;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.application.backup.SchemaVersion;
import org.custodian.infrastructure.migration.DatabaseMigrator;

/** The schema version as Flyway last migrated it (the newest successful versioned migration). */
@ApplicationScoped
public class FlywaySchemaVersion implements SchemaVersion {

    @EJB
    DatabaseMigrator migrator;

    @Override
    public String current() {
        return migrator.schemaVersion();
    }
}
