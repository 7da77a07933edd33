package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.imports.ImportRow;
import org.custodian.application.imports.ImportRows;
import org.custodian.application.job.BatchJob;
import org.custodian.domain.model.imports.ImportUpload;

/** Imports the chunk's rows in the chunk's transaction (records, lineage, outcomes and audit events together). */
@Dependent
@Named
public class ImportRowWriter extends AbstractItemWriter {

    @EJB
    ImportRows rows;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    private ImportUpload upload;

    @Override
    public void open(Serializable checkpoint) {
        upload = rows.uploadInfo(Long.parseLong(importId.trim())); // the file is not needed here
    }

    @Override
    public void writeItems(List<Object> items) {
        List<ImportRow> chunk = new ArrayList<>(items.size());
        items.forEach(item -> chunk.add((ImportRow) item));
        rows.write(BatchJob.LEGACY_IMPORT.caller(job.getExecutionId()), upload, chunk);
    }
}
