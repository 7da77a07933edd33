package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.custodian.application.ratelimit.RateCounterStore;
import org.custodian.application.shared.CustodianDatabase;

/**
 * The rate-limit counters in PostgreSQL (UNLOGGED table {@code rate_limit_window}): one upsert per request counts
 * all its buckets and returns their counts, outside any transaction (each statement commits on its own, so a
 * counter row is locked only for that statement). Buckets are written in sorted order, so two requests that share
 * two buckets take their row locks in the same order and cannot deadlock.
 */
@ApplicationScoped
public class JdbcRateCounterStore implements RateCounterStore {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    public JdbcRateCounterStore() {
    }

    /** For benchmarks: a store on this data source. */
    public JdbcRateCounterStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Long> hit(List<String> buckets, long windowStart) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(buckets));
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(upsertSql(sorted.size()))) {
            int index = 1;
            for (String bucket : sorted) {
                statement.setString(index++, bucket);
                statement.setLong(index++, windowStart);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit(); // a pool that hands out connections without auto-commit: never hold the rows
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting a request failed: " + e.getMessage(), e);
        }
        List<Long> result = new ArrayList<>(buckets.size());
        buckets.forEach(bucket -> result.add(counts.getOrDefault(bucket, 0L)));
        return result;
    }

    /** The one statement a request costs: counts {@code buckets} rows up and returns their counts. */
    static String upsertSql(int buckets) {
        StringBuilder sql = new StringBuilder("insert into rate_limit_window (bucket, window_start, hits) values ");
        for (int i = 0; i < buckets; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, 1)");
        }
        return sql.append(" on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1"
                + " returning bucket, hits").toString();
    }

    @Override
    public void forgetBefore(long windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from rate_limit_window where window_start < ?")) {
            statement.setLong(1, windowStart);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("forgetting old rate-limit windows failed: " + e.getMessage(), e);
        }
    }
}
