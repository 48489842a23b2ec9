package com.alpha01.server.chat.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The presence writes' steadiness, on a clock the test moves: what decides whether silent clients are gone. */
class SteadinessTest {

    private static final Duration GAP = Duration.ofSeconds(6);
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Steadiness writes = new Steadiness(GAP, clock::get);

    private void writeEvery2sFor(int seconds) {
        for (int s = 0; s < seconds; s += 2) {
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            writes.succeeded();
        }
    }

    @Test
    void steady_only_after_a_full_window_of_writes_from_the_start() {
        writeEvery2sFor(18);
        assertFalse(writes.steadyFor(WINDOW), "18 s of writes are not a 20 s window");
        writeEvery2sFor(2);
        assertTrue(writes.steadyFor(WINDOW));
    }

    @Test
    void a_failed_write_starts_the_window_again_from_the_next_success() {
        writeEvery2sFor(30);
        writes.failed();
        assertFalse(writes.steadyFor(WINDOW), "the database is away now");
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        writes.failed();
        writeEvery2sFor(18);
        assertFalse(writes.steadyFor(WINDOW), "every heartbeat stored during the outage is stale; 18 s since");
        writeEvery2sFor(4);
        assertTrue(writes.steadyFor(WINDOW));
    }

    @Test
    void writes_that_stalled_past_the_gap_count_as_an_outage() {
        writeEvery2sFor(30);
        clock.addAndGet(Duration.ofSeconds(15).toNanos()); // a write blocked on the pool until the database came back
        writes.succeeded();
        assertFalse(writes.steadyFor(WINDOW));
        writeEvery2sFor(20);
        assertTrue(writes.steadyFor(WINDOW));
    }

    @Test
    void writes_that_stopped_are_not_steady_even_without_a_failure() {
        writeEvery2sFor(30);
        clock.addAndGet(Duration.ofSeconds(7).toNanos()); // the timer has not run since (a stalled node)
        assertFalse(writes.steadyFor(WINDOW));
    }
}
