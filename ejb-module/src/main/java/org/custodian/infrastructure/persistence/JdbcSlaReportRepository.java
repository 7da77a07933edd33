package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.sla.SlaReportRepository;

/**
 * The SLA report as one SQL statement: the clocks started in the period (index {@code sla_clock_started}) joined to
 * their tickets, grouped, counted with FILTER and measured with {@code percentile_cont} over
 * {@code business_seconds}. Both percentiles of a kind come from one ordered-set aggregate (one sort, not two).
 */
@ApplicationScoped
public class JdbcSlaReportRepository implements SlaReportRepository {

    private static final String MET = "c.met_at is not null and c.met_at <= c.due and c.breached_at is null";
    private static final String MISSED = "(c.breached_at is not null or c.met_at > c.due)";

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    public JdbcSlaReportRepository() {
    }

    /** For tests and benchmarks: the report on this data source. */
    public JdbcSlaReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String sql(Grouping groupBy, boolean byRegion) {
        String key = switch (groupBy) {
            case TEAM -> "coalesce(tm.team_key, '(none)')";
            case REGION -> "t.region";
            case PRIORITY -> "t.priority";
            case CATEGORY -> "t.category";
            // the viewer's day (#25): the zone is the statement's first parameter, never part of its text
            case DAY -> "to_char(c.started_at at time zone cast(? as text), 'YYYY-MM-DD')";
        };
        return "select " + key + " as k,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE') as tickets,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and t.status not in ('RESOLVED', 'CLOSED'))"
                + " as open,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and " + MET + ") as fr_met,"
                + " count(*) filter (where c.kind = 'FIRST_RESPONSE' and " + MISSED + ") as fr_missed,"
                + " count(*) filter (where c.kind = 'RESOLUTION' and " + MET + ") as res_met,"
                + " count(*) filter (where c.kind = 'RESOLUTION' and " + MISSED + ") as res_missed,"
                + " count(*) filter (where " + MISSED + ") as breaches,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by c.business_seconds)"
                + " filter (where c.kind = 'FIRST_RESPONSE') as fr_p,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by c.business_seconds)"
                + " filter (where c.kind = 'RESOLUTION') as res_p"
                + " from sla_clock c join ticket t on t.id = c.ticket_id"
                + (groupBy == Grouping.TEAM ? " left join team tm on tm.id = t.assigned_team_id" : "")
                + " where c.started_at >= ? and c.started_at < ?"
                + (byRegion ? " and t.region = any(?)" : "")
                + " group by 1 order by 1";
    }

    @Override
    public List<Row> rows(Instant from, Instant to, Grouping groupBy, Set<Region> regions) {
        return rows(from, to, groupBy, regions, ZoneOffset.UTC);
    }

    @Override
    public List<Row> rows(Instant from, Instant to, Grouping groupBy, Set<Region> regions, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // inside the container's transaction the connection is enlisted (no auto-commit): SET LOCAL lasts until
            // that transaction ends; on its own (tests, benchmarks) the statements get a transaction of their own
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try (Statement settings = connection.createStatement()) {
                // a few scans, joins and sorts: JIT compiling them costs more than it saves (measured: seconds)
                settings.execute("set local jit = off");
                query(connection, groupBy, regions, from, to, zone, rows);
                if (own) {
                    connection.commit();
                }
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the SLA report query failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private static void query(Connection connection, Grouping groupBy, Set<Region> regions, Instant from, Instant to,
            ZoneId zone, List<Row> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(groupBy, regions != null))) {
            int at = 1;
            if (groupBy == Grouping.DAY) {
                statement.setString(at++, zone.getId());
            }
            statement.setObject(at++, from.atOffset(ZoneOffset.UTC));
            statement.setObject(at++, to.atOffset(ZoneOffset.UTC));
            if (regions != null) {
                Array array = connection.createArrayOf("varchar", regions.stream().map(Enum::name).toArray());
                statement.setArray(at, array);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    Double[] fr = percentiles(r.getArray("fr_p"));
                    Double[] res = percentiles(r.getArray("res_p"));
                    rows.add(new Row(r.getString("k"), r.getLong("tickets"), r.getLong("open"), r.getLong("fr_met"),
                            r.getLong("fr_missed"), r.getLong("res_met"), r.getLong("res_missed"),
                            r.getLong("breaches"), fr[0], fr[1], res[0], res[1]));
                }
            }
        }
    }

    /** {p50, p90}; nulls when nothing of that kind was met (percentile_cont of no rows is null). */
    private static Double[] percentiles(Array array) throws SQLException {
        if (array == null) {
            return new Double[] {null, null};
        }
        Object[] values = (Object[]) array.getArray();
        return new Double[] {values[0] == null ? null : ((Number) values[0]).doubleValue(),
            values[1] == null ? null : ((Number) values[1]).doubleValue()};
    }
}
