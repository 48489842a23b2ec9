package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.chat.domain.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DeliveredReceipts}: receipts that arrive while one is being written are written together
 * in the next statement, and each caller still gets its own answer (recorded or not) or the error
 * that stopped its batch.
 */
class DeliveredReceiptsTest {

    private static final UUID CONV = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<Long>> statements = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    /** Records even seqs only (odd ones stand for repeats or wrong receipts); a batch with seq 13 fails. */
    private final ChatService chat = new ChatService() {
        @Override
        public Set<DeliveryReceipt> delivered(Collection<DeliveryReceipt> receipts) {
            statements.add(receipts.stream().map(DeliveryReceipt::seq).toList());
            if (statements.size() == 1) {
                firstEntered.countDown();
                await(releaseFirst);
            }
            if (receipts.stream().anyMatch(r -> r.seq() == 13)) {
                throw new IllegalStateException("database unreachable");
            }
            return receipts.stream().filter(r -> r.seq() % 2 == 0).collect(Collectors.toSet());
        }
    };

    private final DeliveredReceipts receipts = new DeliveredReceipts();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private CompletableFuture<Boolean> record(long seq) {
        return CompletableFuture.supplyAsync(() -> receipts.record(DeliveryReceipt.fromClient(CLIENT, CONV, seq)), threads);
    }

    @Test
    void receipts_that_queue_behind_a_write_go_together_in_the_next_statement_and_each_caller_gets_its_own_answer()
            throws Exception {
        receipts.chat = chat;
        CompletableFuture<Boolean> first = record(0);
        assertTrue(firstEntered.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
        for (long seq = 1; seq <= 9; seq++) {
            waiting.add(record(seq));
        }
        until(() -> receipts.queued() == 9);
        releaseFirst.countDown();

        assertTrue(first.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < waiting.size(); i++) {
            assertEquals((i + 1) % 2 == 0, waiting.get(i).get(10, TimeUnit.SECONDS), "the answer for seq " + (i + 1));
        }
        assertEquals(2, statements.size(), "one statement for the first, one for the nine that queued behind it");
        assertEquals(List.of(0L), statements.get(0));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), Set.copyOf(statements.get(1)));
        assertEquals(0, receipts.queued());
    }

    @Test
    void a_failed_statement_is_every_caller_of_its_batch_s_error_and_the_next_batch_is_written_anyway() throws Exception {
        receipts.chat = chat;
        CompletableFuture<Boolean> first = record(2);
        assertTrue(firstEntered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> failing = record(13);
        CompletableFuture<Boolean> sameBatch = record(14);
        until(() -> receipts.queued() == 2);
        releaseFirst.countDown();

        assertTrue(first.get(10, TimeUnit.SECONDS));
        for (CompletableFuture<Boolean> f : List.of(failing, sameBatch)) {
            Throwable e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(10, TimeUnit.SECONDS)).getCause();
            assertSame(IllegalStateException.class, e.getClass());
        }
        assertTrue(record(4).get(10, TimeUnit.SECONDS), "a later receipt is written in a statement of its own");
        assertEquals(3, statements.size());
        assertEquals(Set.of(13L, 14L), Set.copyOf(statements.get(1)));
        assertEquals(List.of(4L), statements.get(2));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void until(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "condition not met in 10 s");
            Thread.onSpinWait();
        }
    }
}
