package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.model.audit.AuditDailyCountRepository;

@ApplicationScoped
public class JpaAuditDailyCountRepository implements AuditDailyCountRepository {

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public List<AuditDailyCount> between(LocalDate from, LocalDate to) {
        List<AuditDailyCount> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select utc_day, action, outcome, resource_type,"
                        + " actor_roles, events, first_sequence, last_sequence from audit_daily_aggregate"
                        + " where utc_day >= ? and utc_day <= ? order by utc_day, action, outcome, resource_type, actor_roles")) {
            select.setObject(1, from);
            select.setObject(2, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new AuditDailyCount(rows.getObject(1, LocalDate.class), rows.getString(2),
                            rows.getString(3).trim(), rows.getString(4), rows.getString(5), rows.getLong(6),
                            rows.getLong(7), rows.getLong(8)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new PersistenceException("reading the audit trail's daily counts failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int dropBefore(LocalDate day) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from audit_daily_aggregate"
                        + " where utc_day < ?")) {
            delete.setObject(1, day);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("dropping old daily counts failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds one group's counts to its day's row (creating it), on the connection of the pruning that removes the
     * group's events; package-private for the test of its SQL.
     */
    static void addDailyCount(Connection connection, AuditDailyCount count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update audit_daily_aggregate set"
                + " events = events + ?, first_sequence = least(first_sequence, ?),"
                + " last_sequence = greatest(last_sequence, ?) where utc_day = ? and action = ? and outcome = ?"
                + " and resource_type = ? and actor_roles = ?")) {
            update.setLong(1, count.events());
            update.setLong(2, count.firstSequence());
            update.setLong(3, count.lastSequence());
            bindDailyKey(update, 4, count);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_daily_aggregate (utc_day, action,"
                + " outcome, resource_type, actor_roles, events, first_sequence, last_sequence)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindDailyKey(insert, 1, count);
            insert.setLong(6, count.events());
            insert.setLong(7, count.firstSequence());
            insert.setLong(8, count.lastSequence());
            insert.executeUpdate();
        }
    }

    private static void bindDailyKey(PreparedStatement statement, int at, AuditDailyCount count) throws SQLException {
        statement.setObject(at, count.day());
        statement.setString(at + 1, count.action());
        statement.setString(at + 2, count.outcome());
        statement.setString(at + 3, count.resourceType());
        statement.setString(at + 4, count.actorRoles());
    }
}
