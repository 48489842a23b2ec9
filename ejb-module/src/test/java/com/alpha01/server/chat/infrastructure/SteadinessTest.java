package com.alpha01.server.chat.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The presence writes' steadiness, on a clock the test moves: what decides whether silent clients are gone. */
class SteadinessTest {

    private static final Duration WINDOW = Duration.ofSeconds(20);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Steadiness writes = new Steadiness(clock::get);

    private void writeEvery(int seconds, int forSeconds) {
        for (int s = 0; s < forSeconds; s += seconds) {
            clock.addAndGet(Duration.ofSeconds(seconds).toNanos());
            writes.succeeded();
        }
    }

    @Test
    void steady_only_after_a_full_window_of_writes_from_the_start() {
        writeEvery(2, 18);
        assertFalse(writes.steadyFor(WINDOW), "18 s of writes are not a 20 s window");
        writeEvery(2, 2);
        assertTrue(writes.steadyFor(WINDOW));
    }

    @Test
    void an_unreachable_database_starts_the_window_again_from_the_next_success() {
        writeEvery(2, 30);
        writes.failed();
        assertFalse(writes.steadyFor(WINDOW), "the database is away now");
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        writes.failed();
        writeEvery(2, 18);
        assertFalse(writes.steadyFor(WINDOW), "every heartbeat stored during the outage is stale; 18 s since");
        writeEvery(2, 4);
        assertTrue(writes.steadyFor(WINDOW));
    }

    @Test
    void late_writes_of_a_busy_node_stay_steady() {
        writeEvery(2, 30);
        writeEvery(9, 45); // timers running late, a pool with no connection free: load, not an outage
        assertTrue(writes.steadyFor(WINDOW), "a client gone under load must still be noticed");
    }

    @Test
    void writes_that_stopped_for_a_whole_window_are_not_steady() {
        writeEvery(2, 30);
        clock.addAndGet(Duration.ofSeconds(21).toNanos());
        assertFalse(writes.steadyFor(WINDOW));
    }

    @Test
    void only_an_unreachable_database_counts_as_an_outage() {
        assertTrue(HeartbeatTimer.databaseUnreachable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(HeartbeatTimer.databaseUnreachable(new RuntimeException(new SQLException("terminating", "57P01"))));
        assertTrue(HeartbeatTimer.databaseUnreachable(new IllegalStateException(new ConnectException("Connection refused"))));
        assertFalse(HeartbeatTimer.databaseUnreachable(new RuntimeException("IJ000655: No managed connections available "
                + "within configured blocking timeout")), "a busy pool is load");
        assertFalse(HeartbeatTimer.databaseUnreachable(new RuntimeException(new SQLTransientConnectionException("timeout"))));
        assertFalse(HeartbeatTimer.databaseUnreachable(new RuntimeException(new SQLException("deadlock", "40P01"))));
    }
}
