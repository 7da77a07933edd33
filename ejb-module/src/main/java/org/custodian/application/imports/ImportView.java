package org.custodian.application.imports;

import java.time.Instant;
import java.util.List;

/**
 * An import as the API shows it: its state (STARTING, RUNNING, COMPLETED, FAILED), its job execution, the rows
 * counted by outcome so far, and the rejected rows (row, line, field, problem; at most {@link #REPORT_MAX}).
 */
public record ImportView(long id, String source, String format, String status, Long executionId, int rows,
        long created, long unchanged, long rejected, long pending, List<ImportProblem> problems, String createdBy,
        Instant createdAt, Instant finishedAt) {

    public static final int REPORT_MAX = 1000;
}
