package org.custodian.application.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parsed and checked rows of the uploads this server is importing, shared by the partitions of an import's step
 * (#24): each partition used to fetch the staged file and parse all of it to pick its share, which was about a third
 * of an import's CPU with three partitions. Staging an upload parses and checks it anyway (to refuse a bad file and
 * count its rows), so it leaves the rows here for the job it starts; after a restart of the server (or on another
 * node) the first partition parses and the others wait for and reuse its rows. An upload's file never changes, so
 * the rows stay right for a restart too; they are dropped when the import ends or its staging does not commit.
 */
@ApplicationScoped
public class ParsedUploads {

    private final Map<Long, CompletableFuture<List<ImportRow>>> parsed = new ConcurrentHashMap<>();

    /** The upload's rows, parsed by the first caller; a parse that failed is not kept. */
    public List<ImportRow> rows(long importId, Supplier<List<ImportRow>> parse) {
        CompletableFuture<List<ImportRow>> mine = new CompletableFuture<>();
        CompletableFuture<List<ImportRow>> first = parsed.putIfAbsent(importId, mine);
        if (first != null) {
            return first.join();
        }
        try {
            List<ImportRow> rows = List.copyOf(parse.get());
            mine.complete(rows);
            return rows;
        } catch (RuntimeException | Error e) {
            parsed.remove(importId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The rows staging just parsed, for the partitions of the job it starts (the first parse of a restart). */
    public void offer(long importId, List<ImportRow> rows) {
        parsed.putIfAbsent(importId, CompletableFuture.completedFuture(List.copyOf(rows)));
    }

    /** The import ended (completed, failed or stopped): a restart parses afresh. */
    public void forget(long importId) {
        parsed.remove(importId);
    }
}
