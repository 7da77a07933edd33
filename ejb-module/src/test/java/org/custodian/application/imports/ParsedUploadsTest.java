package org.custodian.application.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedUploadsTest {

    private static final List<ImportRow> ROWS = List.of(ImportRow.rejected(1, 2, "customer.email", "is not valid"));

    @Test
    void partitionsOpeningTogetherShareOneParse() throws Exception {
        ParsedUploads parsed = new ParsedUploads();
        AtomicInteger parses = new AtomicInteger();
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch others = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<List<ImportRow>> first = pool.submit(() -> parsed.rows(7, () -> {
                parses.incrementAndGet();
                parsing.countDown();
                await(others);
                return ROWS;
            }));
            parsing.await(10, TimeUnit.SECONDS);
            List<Future<List<ImportRow>>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(pool.submit(() -> parsed.rows(7, () -> {
                    parses.incrementAndGet();
                    return List.of();
                })));
            }
            others.countDown();
            assertEquals(ROWS, first.get(10, TimeUnit.SECONDS));
            for (Future<List<ImportRow>> other : waiting) {
                assertSame(first.get(), other.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, parses.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedParseIsNotKeptAndAnEndedImportIsParsedAfresh() {
        ParsedUploads parsed = new ParsedUploads();
        assertThrows(IllegalStateException.class, () -> parsed.rows(8, () -> {
            throw new IllegalStateException("import 8 is not staged");
        }));
        assertEquals(ROWS, parsed.rows(8, () -> ROWS));
        assertEquals(ROWS, parsed.rows(8, List::of), "kept while the import runs");
        parsed.forget(8);
        assertEquals(List.of(), parsed.rows(8, List::of));
    }

    @Test
    void rowsOfferedByStagingAreTakenWithoutAParse() {
        ParsedUploads parsed = new ParsedUploads();
        parsed.offer(9, ROWS);
        assertEquals(ROWS, parsed.rows(9, () -> {
            throw new AssertionError("staging's rows are there: no second parse");
        }));
        parsed.forget(9);
        assertEquals(List.of(), parsed.rows(9, List::of), "a restart after the end parses afresh");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
