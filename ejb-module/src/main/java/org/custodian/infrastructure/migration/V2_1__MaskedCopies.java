package org.custodian.infrastructure.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.custodian.domain.model.policy.FieldMasks;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the masked copies V2 added for tickets and comments written before it. The PII detector is Java, so
 * this step is too; it runs once, inside Flyway's transaction, like any other migration.
 */
public class V2_1__MaskedCopies extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        BatchedUpdate.run(connection, "select id, subject, description from ticket where subject_masked is null",
                "update ticket set subject_masked = ?, description_masked = ? where id = ?", BATCH, (rows, write) -> {
                    write.setString(1, FieldMasks.maskDetected(rows.getString(2)));
                    write.setString(2, FieldMasks.maskDetected(rows.getString(3)));
                    write.setLong(3, rows.getLong(1));
                });
        BatchedUpdate.run(connection, "select id, body from ticket_comment where body_masked is null",
                "update ticket_comment set body_masked = ? where id = ?", BATCH, (rows, write) -> {
                    write.setString(1, FieldMasks.maskDetected(rows.getString(2)));
                    write.setLong(2, rows.getLong(1));
                });
    }
}
