package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.imports.ImportRow;
import org.custodian.application.imports.ImportRows;

/**
 * The rows of a staged upload in file order, read as the dry run reads them; the checkpoint is the index of the
 * next row, so a restart reads on after the last committed chunk. A chunk that committed its rows but not its
 * checkpoint is read again and changes nothing: the writer is idempotent on the external ids.
 */
@Dependent
@Named
public class ImportRowReader extends AbstractItemReader {

    @EJB
    ImportRows rows;

    @Inject
    @BatchProperty
    String importId;

    private List<ImportRow> all;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        all = ImportRows.rowsOf(rows.upload(Long.parseLong(importId.trim())));
        next = checkpoint instanceof Integer saved ? saved : 0;
    }

    @Override
    public Object readItem() {
        return next < all.size() ? all.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
