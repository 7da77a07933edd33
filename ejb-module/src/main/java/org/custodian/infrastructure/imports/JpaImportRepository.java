package org.custodian.infrastructure.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.imports.ImportRepository;
import org.custodian.domain.model.imports.ImportUpload;

/**
 * Native statements: the bookkeeping is three plain tables, written a chunk at a time (multi-row inserts, one
 * look-up per kind and chunk), which keeps an import of tens of thousands of rows fast.
 */
@ApplicationScoped
public class JpaImportRepository implements ImportRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

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
        List<?> rows = entityManager.createNativeQuery("select id, source, format, mapping, region, category, content,"
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

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(value.toString());
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
        List<String> ids = new ArrayList<>(externalIds);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        var query = entityManager.createNativeQuery("select external_id, record_type, record_id, import_id, row_no"
                + " from import_record where source = ? and kind = ? and external_id in (" + in + ")");
        query.setParameter(1, source).setParameter(2, kind);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 3, ids.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            found.put((String) r[0], new Lineage(kind, (String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).intValue()));
        }
        return found;
    }

    @Override
    public void addLineage(String source, List<Lineage> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into import_record (source, kind, external_id, record_type,"
                + " record_id, import_id, row_no, created_at) values ");
        for (int i = 0; i < records.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        var query = entityManager.createNativeQuery(sql.toString());
        Timestamp now = Timestamp.from(Instant.now());
        int p = 1;
        for (Lineage record : records) {
            query.setParameter(p++, source).setParameter(p++, record.kind()).setParameter(p++, record.externalId())
                    .setParameter(p++, record.recordType()).setParameter(p++, record.recordId())
                    .setParameter(p++, record.importId()).setParameter(p++, record.row()).setParameter(p++, now);
        }
        query.executeUpdate();
    }

    @Override
    public void addResults(long importId, List<RowResult> results) {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into import_row_result (import_id, row_no, line, outcome,"
                + " problems) values ");
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        sql.append(" on conflict (import_id, row_no) do nothing");
        var query = entityManager.createNativeQuery(sql.toString());
        int p = 1;
        for (RowResult result : results) {
            query.setParameter(p++, importId).setParameter(p++, result.row()).setParameter(p++, result.line())
                    .setParameter(p++, result.outcome())
                    .setParameter(p++, result.problems() == null ? "" : result.problems());
        }
        query.executeUpdate();
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
