package org.custodian.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.PendingAuditRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grouping of drains and the fate of held read events: chained once, in order, or reported as not chained. */
class GroupedDrainTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static PendingAuditRecord read(String resource) {
        return new PendingAuditRecord(0, Instant.now(), new AuditRecord("agent.eu", "AGENT", "TICKET_READ", "TICKET",
                resource, "subject", AuditOutcome.SUCCESS, "req-" + resource, "10.0.0.1"));
    }

    @Test
    void heldEventsOfConcurrentCommitsAreChainedTogetherInTheOrderTheyWereHanded() throws Exception {
        List<List<String>> drains = new ArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupedDrain group = new GroupedDrain(executor, held -> {
            synchronized (drains) {
                drains.add(held.stream().map(event -> event.record().resourceId()).toList());
            }
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        GroupedDrain.Ticket first = group.ask(List.of(read("1")));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        // while the first drain runs, three commits hand over events: the next drain takes them all, in order
        GroupedDrain.Ticket second = group.ask(List.of(read("2"), read("3")));
        GroupedDrain.Ticket pendingOnly = group.ask(List.of());
        GroupedDrain.Ticket third = group.ask(List.of(read("4")));
        release.countDown();
        first.held().get(5, TimeUnit.SECONDS);
        second.held().get(5, TimeUnit.SECONDS);
        third.held().get(5, TimeUnit.SECONDS);
        assertNull(pendingOnly.held(), "a commit that held nothing has nothing to wait for but its ticket");
        assertTrue(group.await(pendingOnly.number(), Duration.ofSeconds(5)));
        assertEquals(List.of(List.of("1"), List.of("2", "3", "4")), drains);
    }

    @Test
    void heldEventsOfAFailedDrainAreReportedAsNotChainedAndTheNextDrainStartsAfresh() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        GroupedDrain group = new GroupedDrain(executor, held -> {
            sizes.add(held.size());
            if (sizes.size() == 1) {
                throw new IllegalStateException("trail refused");
            }
        });
        GroupedDrain.Ticket failed = group.ask(List.of(read("1")));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> failed.held().get(5, TimeUnit.SECONDS));
        assertEquals("trail refused", refused.getCause().getMessage());
        assertTrue(group.await(failed.number(), Duration.ofSeconds(5)), "its waiters are released, not left hanging");

        GroupedDrain.Ticket next = group.ask(List.of(read("2")));
        next.held().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(1, 1), sizes, "the failed events are not handed again: their requests answered 503");
    }

    @Test
    void heldEventsFailAtOnceWhenNoDrainCanStart() {
        executor.shutdown();
        GroupedDrain group = new GroupedDrain(executor, held -> {
        });
        GroupedDrain.Ticket refused = group.ask(List.of(read("1")));
        assertEquals(0, refused.number());
        assertThrows(ExecutionException.class, () -> refused.held().get(1, TimeUnit.SECONDS));
    }
}
