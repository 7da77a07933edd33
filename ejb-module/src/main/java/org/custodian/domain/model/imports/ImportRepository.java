package org.custodian.domain.model.imports;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploads, row outcomes and lineage. Writes join the caller's transaction. */
public interface ImportRepository {

    /** What an external id of a source became. */
    record Lineage(String kind, String externalId, String recordType, long recordId, long importId, int row) {
    }

    /** One row's outcome and the line it starts on; problems as "field: problem" lines, null unless rejected. */
    record RowResult(int row, int line, String outcome, String problems) {
    }

    long store(ImportUpload upload);

    /** The upload without its file ({@code content} empty): what a progress read needs. */
    Optional<ImportUpload> find(long id);

    /** The staged file itself (empty once the import completed). */
    String content(long id);

    void startedAs(long id, long executionId);

    void finish(long id, String status);

    /** The lineage of these external ids of one kind from one source, by external id. */
    Map<String, Lineage> lineage(String source, String kind, Collection<String> externalIds);

    void addLineage(String source, List<Lineage> records);

    /** Records the outcomes; a row already recorded for this import keeps its first outcome (a rerun chunk). */
    void addResults(long importId, List<RowResult> results);

    /** The numbers of the rows whose outcome is recorded: the rows a restarted import does not read again. */
    BitSet doneRows(long importId);

    /** Rows per outcome (CREATED, UNCHANGED, REJECTED). */
    Map<String, Long> counts(long importId);

    /** The rejected rows in row order, at most {@code limit}. */
    List<RowResult> rejected(long importId, int limit);
}
