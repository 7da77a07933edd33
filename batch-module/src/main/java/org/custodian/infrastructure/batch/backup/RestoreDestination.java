package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.domain.model.backup.RestoreKind;

/**
 * What a restore step restores into, from the properties {@code kind} and {@code schema} of the step's batchlet (the
 * restore and the index build read the same two): the kind of restore, and its schema.
 */
@Dependent
public class RestoreDestination {

    @Inject
    BackupConfiguration configuration;

    @Inject
    @BatchProperty
    String kind;

    /** Empty: the configured restore or drill schema. */
    @Inject
    @BatchProperty
    String schema;

    RestoreKind kind() {
        return RestoreKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    }

    /** The schema a restore of this kind goes into: the job's parameter, else the configured one. */
    String schema() {
        return schema != null && !schema.isBlank() ? schema.trim()
                : kind() == RestoreKind.DRILL ? configuration.drillSchema() : configuration.restoreSchema();
    }
}
