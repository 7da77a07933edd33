package org.custodian.infrastructure.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.MerkleFrontier;
import org.custodian.domain.model.audit.MerkleTree;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Computes the leaf hash of every existing event, in sequence order, and the tree edge the chain head keeps. */
public class V3_1__MerkleLeaves extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        MerkleFrontier frontier = new MerkleFrontier();
        BatchedUpdate.run(connection, "select sequence, occurred_at, actor, actor_roles,"
                + " action, resource_type, resource_id, fields, outcome, request_id, client_address, previous_hash"
                + " from audit_event order by sequence", "update audit_event set leaf_hash = ? where sequence = ?",
                BATCH, (rows, write) -> {
                    String canonical = AuditEvent.canonicalForm(rows.getLong(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12));
                    byte[] leaf = MerkleTree.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
                    frontier.append(leaf);
                    write.setString(1, HexFormat.of().formatHex(leaf));
                    write.setLong(2, rows.getLong(1));
                });
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain_head set merkle_frontier = ? where id = 1")) {
            head.setString(1, frontier.encode());
            head.executeUpdate();
        }
    }
}
