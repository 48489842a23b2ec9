package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ScriptBatcherTest {

    private final List<String> batches = new CopyOnWriteArrayList<>();

    private void awaitBatches(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.size() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void a_burst_of_events_reaches_the_page_in_order_in_a_batch_or_two_not_one_call_each() {
        try (ScriptBatcher batcher = new ScriptBatcher(batches::add, 500)) {
            long start = System.nanoTime();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                batcher.accept("receive(" + i + ");");
                expected.append("receive(").append(i).append(");\n");
            }
            long burstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            awaitBatches(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!String.join("", batches).equals(expected.toString()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertEquals(expected.toString(), String.join("", batches), "every event, in order");
            assertTrue(batches.size() <= 2 + burstMillis / 500, "200 events in " + burstMillis + " ms went in "
                    + batches.size() + " calls");
        }
    }

    @Test
    void an_event_after_a_quiet_spell_goes_alone_and_closing_sends_what_waits() {
        ScriptBatcher batcher = new ScriptBatcher(batches::add, 60_000);
        batcher.accept("first();");
        awaitBatches(1);
        assertEquals(List.of("first();\n"), batches, "after a quiet spell an event goes at once, alone");
        batcher.accept("second();");
        batcher.accept("third();");
        assertEquals(1, batches.size(), "within the interval the next events wait for their batch");
        batcher.close();
        assertEquals(List.of("first();\n", "second();\nthird();\n"), batches);
    }
}
