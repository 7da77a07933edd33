package org.custodian.application.imports;

import java.util.List;

/** What a dry run found: rows read, rows that would be imported, rows rejected, and why (at most 1000 problems). */
public record DryRunReport(boolean dryRun, String source, String format, int rows, int valid, int rejected,
        List<ImportProblem> problems) {
}
