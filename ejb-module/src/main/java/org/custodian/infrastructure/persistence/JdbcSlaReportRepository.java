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
import java.time.LocalDate;
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
 * The SLA report as one SQL statement over {@code sla_report_clock} (V103: one narrow row per clock with its ticket's
 * group keys, kept by triggers), counted with FILTER and measured with {@code percentile_cont} over
 * {@code business_seconds}. Each grouping has an index led by its key, then kind and business time, covering the
 * columns read: for a long period PostgreSQL reads it in order (no sort by the group, and the percentiles' sorts get
 * sorted input); for a short one it takes the day index's range. Both percentiles of a kind come from one ordered-set
 * aggregate.
 */
@ApplicationScoped
public class JdbcSlaReportRepository implements SlaReportRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    public JdbcSlaReportRepository() {
    }

    /** For tests and benchmarks: the report on this data source. */
    public JdbcSlaReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code zoned}: days counted in a zone other than UTC (the portal's viewer, #25), its id the first parameter. */
    static String sql(Grouping groupBy, boolean byRegion, boolean zoned) {
        String column = switch (groupBy) {
            case TEAM -> "r.team_id";
            case REGION -> "r.region";
            case PRIORITY -> "r.priority";
            case CATEGORY -> "r.category";
            // start_day is the UTC day (indexed); another zone's day is computed, the zone never part of the text
            case DAY -> zoned ? "cast(r.started_at at time zone cast(? as text) as date)" : "r.start_day";
        };
        String key = switch (groupBy) {
            case TEAM -> "coalesce(tm.team_key, '(none)')";
            case DAY -> "to_char(g.g, 'YYYY-MM-DD')";
            default -> "g.g";
        };
        // kind: 1 FIRST_RESPONSE, 2 NEXT_RESPONSE, 3 RESOLUTION (see V103)
        return "select " + key + " as k, g.* from (select " + column + " as g,"
                + " count(*) filter (where r.kind = 1) as tickets,"
                + " count(*) filter (where r.kind = 1 and r.ticket_open) as open,"
                + " count(*) filter (where r.kind = 1 and r.met) as fr_met,"
                + " count(*) filter (where r.kind = 1 and r.missed) as fr_missed,"
                + " count(*) filter (where r.kind = 3 and r.met) as res_met,"
                + " count(*) filter (where r.kind = 3 and r.missed) as res_missed,"
                + " count(*) filter (where r.missed) as breaches,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by r.business_seconds)"
                + " filter (where r.kind = 1) as fr_p,"
                + " percentile_cont(array[0.5, 0.9]::float8[]) within group (order by r.business_seconds)"
                + " filter (where r.kind = 3) as res_p"
                + " from sla_report_clock r"
                // the day is redundant with the instants; it lets the day index take a short period's range
                + " where r.start_day between ? and ? and r.started_at >= ? and r.started_at < ?"
                + (byRegion ? " and r.region = any(?)" : "")
                + " group by 1) g"
                + (groupBy == Grouping.TEAM ? " left join team tm on tm.id = g.g" : "")
                + " order by 1";
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
                // the percentiles' sorts hold a group's values (1M tickets: ~300,000 per region): in memory, not on
                // disk (the default 4 MB spills them; only this statement's transaction gets more)
                settings.execute("set local work_mem = '64MB'");
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
        boolean zoned = groupBy == Grouping.DAY && !zone.normalized().equals(ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(sql(groupBy, regions != null, zoned))) {
            int at = 1;
            if (zoned) {
                statement.setString(at++, zone.getId());
            }
            statement.setObject(at++, LocalDate.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(at++, LocalDate.ofInstant(to, ZoneOffset.UTC));
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
