package org.custodian.infrastructure.imports;

import static org.custodian.infrastructure.persistence.JdbcValues.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.imports.ImportRepository;
import org.custodian.domain.model.imports.ImportUpload;
import org.custodian.infrastructure.persistence.MultiRowInsert;
import org.postgresql.PGStatement;

/**
 * Native statements: the bookkeeping is three plain tables. The per-chunk statements (one look-up per kind,
 * multi-row inserts) go through JDBC on the transaction's connection: EclipseLink's native queries bind each parameter with a
 * linear search, so a statement with thousands of parameters spent most of an import's CPU there.
 */
@ApplicationScoped
public class JpaImportRepository implements ImportRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    /** The transaction's connection (the container hands out the one enlisted): writes commit with the chunk. */
    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public long store(ImportUpload upload) {
        long id = ((Number) entityManager.createNativeQuery("select nextval('import_upload_seq')")
                .getSingleResult()).longValue();
        entityManager.createNativeQuery("insert into import_upload (id, source, format, mapping, region, category,"
                + " content, row_count, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, upload.source()).setParameter(3, upload.format())
                .setParameter(4, upload.mapping()).setParameter(5, upload.region()).setParameter(6, upload.category())
                .setParameter(7, upload.content()).setParameter(8, upload.rowCount()).setParameter(9, upload.status())
                .setParameter(10, upload.createdBy()).setParameter(11, Timestamp.from(upload.createdAt()))
                .executeUpdate();
        return id;
    }

    @Override
    public Optional<ImportUpload> find(long id) {
        // never the file: a progress read every second must not fetch (and the database detoast) megabytes
        List<?> rows = entityManager.createNativeQuery("select id, source, format, mapping, region, category, '',"
                + " row_count, status, execution_id, created_by, created_at, finished_at from import_upload"
                + " where id = ?").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new ImportUpload(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), (String) r[10], instant(r[11]), instant(r[12])));
    }

    @Override
    public String content(long id) {
        return (String) entityManager.createNativeQuery("select content from import_upload where id = ?")
                .setParameter(1, id).getSingleResult();
    }

    @Override
    public void startedAs(long id, long executionId) {
        entityManager.createNativeQuery("update import_upload set execution_id = ?, status = 'RUNNING' where id = ?")
                .setParameter(1, executionId).setParameter(2, id).executeUpdate();
    }

    @Override
    public void finish(long id, String status) {
        // a completed upload's file is no longer needed (it may hold card numbers the rows had redacted): dropped
        entityManager.createNativeQuery("update import_upload set status = ?, finished_at = ?, content = case when ?"
                + " then '' else content end where id = ?")
                .setParameter(1, status).setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, ImportUpload.COMPLETED.equals(status)).setParameter(4, id).executeUpdate();
    }

    @Override
    public Map<String, Lineage> lineage(String source, String kind, Collection<String> externalIds) {
        Map<String, Lineage> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select external_id, record_type, record_id,"
                        + " import_id, row_no from import_record where source = ? and kind = ?"
                        + " and external_id = any (?)")) {
            select.setString(1, source);
            select.setString(2, kind);
            select.setArray(3, connection.createArrayOf("varchar", externalIds.toArray()));
            // a custom plan every time: a generic one made while the table was small may scan it as it grows
            select.unwrap(PGStatement.class).setPrepareThreshold(0);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Lineage(kind, r.getString(1), r.getString(2), r.getLong(3),
                            r.getLong(4), r.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the import lineage failed: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public void addLineage(String source, List<Lineage> records) {
        if (records.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            MultiRowInsert.insert(connection, "insert into import_record (source, kind, external_id, record_type,"
                    + " record_id, import_id, row_no, created_at) values ", 8, "", records, (insert, at, record) -> {
                        insert.setString(at, source);
                        insert.setString(at + 1, record.kind());
                        insert.setString(at + 2, record.externalId());
                        insert.setString(at + 3, record.recordType());
                        insert.setLong(at + 4, record.recordId());
                        insert.setLong(at + 5, record.importId());
                        insert.setInt(at + 6, record.row());
                        insert.setTimestamp(at + 7, now);
                    });
        } catch (SQLException e) {
            throw new PersistenceException("recording the import lineage failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void addResults(long importId, List<RowResult> results) {
        if (results.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MultiRowInsert.insert(connection, "insert into import_row_result (import_id, row_no, line, outcome,"
                    + " problems) values ", 5, " on conflict (import_id, row_no) do nothing", results,
                    (insert, at, result) -> {
                        insert.setLong(at, importId);
                        insert.setInt(at + 1, result.row());
                        insert.setInt(at + 2, result.line());
                        insert.setString(at + 3, result.outcome());
                        insert.setString(at + 4, result.problems());
                    });
        } catch (SQLException e) {
            throw new PersistenceException("recording the import's row outcomes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public BitSet doneRows(long importId) {
        BitSet done = new BitSet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select row_no from import_row_result"
                        + " where import_id = ?")) {
            select.setLong(1, importId);
            select.setFetchSize(10_000);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    done.set(r.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading the import's row outcomes failed: " + e.getMessage(), e);
        }
        return done;
    }

    @Override
    public Map<String, Long> counts(long importId) {
        Map<String, Long> counts = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select outcome, count(*) from import_row_result"
                + " where import_id = ? group by outcome").setParameter(1, importId).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    @Override
    public List<RowResult> rejected(long importId, int limit) {
        List<RowResult> rows = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("select row_no, line, outcome, problems from import_row_result"
                + " where import_id = ? and outcome = 'REJECTED' order by row_no").setParameter(1, importId)
                .setMaxResults(limit).getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new RowResult(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3]));
        }
        return rows;
    }
}
