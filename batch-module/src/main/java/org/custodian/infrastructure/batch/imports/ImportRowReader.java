package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.imports.ImportRow;

/**
 * The rows of one partition of a staged upload in file order, read as the dry run reads them, without those whose
 * outcome a committed chunk recorded: so a restart (partitions are mapped afresh) reads on after the last committed
 * chunk of every partition. The checkpoint is the number of the next row, for a container that hands it back.
 */
@Dependent
@Named
public class ImportRowReader extends AbstractItemReader {

    @Inject
    ImportRun run;

    @Inject
    @BatchProperty
    String partition;

    @Inject
    @BatchProperty
    String partitions;

    private List<ImportRow> mine;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        mine = run.pendingRows(number(partition, 0), number(partitions, 1));
        next = 0;
        if (checkpoint instanceof Integer row) {
            while (next < mine.size() && mine.get(next).row() < row) {
                next++;
            }
        }
    }

    @Override
    public Object readItem() {
        return next < mine.size() ? mine.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next < mine.size() ? mine.get(next).row() : Integer.MAX_VALUE;
    }

    private static int number(String text, int fallback) {
        return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
    }
}
