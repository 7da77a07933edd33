package org.custodian.infrastructure.batch.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;

/**
 * The chunk positions of table batch_chunk_position, through the Custodian datasource: called inside a chunk's
 * transaction, the write joins it (the datasource is the transaction's resource), so the position commits exactly
 * when the chunk's data does.
 */
@ApplicationScoped
public class CommittedPositions {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    public Optional<String> find(long jobInstanceId, String stepName) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select position from batch_chunk_position"
                        + " where job_instance_id = ? and step_name = ?")) {
            select.setLong(1, jobInstanceId);
            select.setString(2, stepName);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the committed position of step " + stepName + ": " + e, e);
        }
    }

    void save(long jobInstanceId, String stepName, String position) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into batch_chunk_position"
                        + " (job_instance_id, step_name, position) values (?, ?, ?) on conflict (job_instance_id,"
                        + " step_name) do update set position = excluded.position, updated_at = now()")) {
            upsert.setLong(1, jobInstanceId);
            upsert.setString(2, stepName);
            upsert.setString(3, position);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the position of step " + stepName + ": " + e, e);
        }
    }

    void forget(long jobInstanceId, String stepName) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from batch_chunk_position"
                        + " where job_instance_id = ? and step_name = ?")) {
            delete.setLong(1, jobInstanceId);
            delete.setString(2, stepName);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing the position of step " + stepName + ": " + e, e);
        }
    }
}
