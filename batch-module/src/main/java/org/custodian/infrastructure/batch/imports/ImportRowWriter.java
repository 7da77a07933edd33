package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.imports.ImportRow;
import org.custodian.domain.model.imports.ImportUpload;

/** Imports the chunk's rows in the chunk's transaction (records, lineage, outcomes and audit events together). */
@Dependent
@Named
public class ImportRowWriter extends AbstractItemWriter {

    @Inject
    ImportRun run;

    private ImportUpload upload;

    @Override
    public void open(Serializable checkpoint) {
        upload = run.info(); // the file is not needed here
    }

    @Override
    public void writeItems(List<Object> items) {
        List<ImportRow> chunk = new ArrayList<>(items.size());
        items.forEach(item -> chunk.add((ImportRow) item));
        run.write(upload, chunk);
    }
}
