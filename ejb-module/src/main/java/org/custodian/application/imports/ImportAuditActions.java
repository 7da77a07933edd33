package org.custodian.application.imports;

/** The audit actions and resource type of imports (the records an import makes use the usual create actions). */
public final class ImportAuditActions {

    /** An upload was staged and its legacy-import job started. */
    public static final String IMPORT_START = "IMPORT_START";
    /** An import's progress and report were read. */
    public static final String IMPORT_READ = "IMPORT_READ";
    public static final String IMPORT = "IMPORT";

    private ImportAuditActions() {
    }
}
