package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.cluster.ClusterMember;
import org.custodian.domain.model.cluster.ClusterRepository;
import org.custodian.domain.model.cluster.TaskLease;

/** The cluster tables of V110 through JDBC; every time is the database's {@code now()}. */
@ApplicationScoped
public class JdbcClusterRepository implements ClusterRepository {

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public void register(UUID id, String name, Duration lease) {
        update("update cluster_node set lease_until = least(lease_until, now()) where node_name = ? and node_id <> ?",
                name, id);
        upsert(id, name, lease);
    }

    @Override
    public void heartbeat(UUID id, String name, Duration lease) {
        upsert(id, name, lease);
        // rows of nodes gone for a day only fill the health report
        update("delete from cluster_node where lease_until < now() - interval '1 day'");
    }

    private void upsert(UUID id, String name, Duration lease) {
        update("insert into cluster_node (node_id, node_name, lease_until) values (?, ?, now() + ? * interval '1"
                + " millisecond') on conflict (node_id) do update set heartbeat_at = now(), lease_until ="
                + " excluded.lease_until", id, name, lease.toMillis());
    }

    @Override
    public void leave(UUID id) {
        update("delete from cluster_node where node_id = ?", id);
    }

    @Override
    public boolean holdTask(String task, UUID nodeId) {
        // kept by its holder, taken over only when no live node row holds it; "returning" answers who holds it now
        String sql = "insert into cluster_timer_lease as l (task, node_id) values (?, ?) on conflict (task) do update"
                + " set node_id = excluded.node_id, renewed_at = now(), acquired_at = case when l.node_id ="
                + " excluded.node_id then l.acquired_at else now() end where l.node_id = excluded.node_id or not"
                + " exists (select 1 from cluster_node n where n.node_id = l.node_id and n.lease_until > now())"
                + " returning node_id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = bind(connection.prepareStatement(sql), task, nodeId);
                ResultSet row = statement.executeQuery()) {
            return row.next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lease of task " + task, e);
        }
    }

    @Override
    public List<ClusterMember> nodes() {
        List<ClusterMember> nodes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select node_id, node_name, started_at,"
                        + " heartbeat_at, lease_until, lease_until > now() from cluster_node order by started_at");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                nodes.add(new ClusterMember(rows.getObject(1, UUID.class), rows.getString(2), instant(rows, 3), instant(rows, 4),
                        instant(rows, 5), rows.getBoolean(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cluster's nodes", e);
        }
        return nodes;
    }

    @Override
    public List<TaskLease> taskLeases() {
        List<TaskLease> leases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select task, node_id, acquired_at,"
                        + " renewed_at from cluster_timer_lease order by task");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                leases.add(new TaskLease(rows.getString(1), rows.getObject(2, UUID.class), instant(rows, 3),
                        instant(rows, 4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cluster's task leases", e);
        }
        return leases;
    }

    @Override
    public void recordExecution(long executionId, String jobName, UUID nodeId) {
        update("insert into job_execution_node (execution_id, job_name, node_id) values (?, ?, ?) on conflict"
                + " (execution_id) do update set node_id = excluded.node_id, recorded_at = now(), under_way = true",
                executionId, jobName, nodeId);
    }

    @Override
    public Set<Long> underWay(Set<String> jobNames) {
        Set<Long> ids = new java.util.TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select execution_id from"
                        + " job_execution_node where under_way and job_name = any(?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", jobNames.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the executions under way", e);
        }
        return ids;
    }

    @Override
    public void ended(long executionId) {
        update("update job_execution_node set under_way = false where execution_id = ?", executionId);
    }

    @Override
    public Map<Long, Boolean> executionNodesAlive(Set<Long> executionIds) {
        Map<Long, Boolean> alive = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select e.execution_id, exists (select 1"
                        + " from cluster_node n where n.node_id = e.node_id and n.lease_until > now()) from"
                        + " job_execution_node e where e.execution_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", executionIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    alive.put(rows.getLong(1), rows.getBoolean(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the nodes of job executions", e);
        }
        return alive;
    }

    @Override
    public <T> T exclusively(String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            advisory(connection, "select pg_advisory_lock(hashtext(?))", name);
            try {
                return work.get();
            } finally {
                advisory(connection, "select pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the cluster lock " + name, e);
        }
    }

    private static void advisory(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = bind(connection.prepareStatement(sql), name);
                ResultSet row = statement.executeQuery()) {
            row.next();
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = bind(connection.prepareStatement(sql), values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cluster table update failed", e);
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
