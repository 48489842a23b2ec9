package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link DispatchLag}: a pong that echoes our ping tells how late this node handles its sockets'
 * frames; the heartbeat's allowance is the largest such lag of the last half-minute.
 */
class DispatchLagTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final DispatchLag lag = new DispatchLag(clock::get);

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void a_pong_heard_late_is_the_lag_of_the_node() {
        ByteBuffer ping = lag.pingPayload();
        advance(Duration.ofSeconds(25));
        lag.pong(ping);
        assertEquals(Duration.ofSeconds(25), lag.recent());
    }

    @Test
    void the_largest_lag_counts_for_at_least_a_window_and_is_forgotten_after_two() {
        ByteBuffer slow = lag.pingPayload();
        advance(Duration.ofSeconds(8));
        lag.pong(slow);
        ByteBuffer fast = lag.pingPayload();
        advance(Duration.ofMillis(5));
        lag.pong(fast);
        assertEquals(Duration.ofSeconds(8), lag.recent(), "the largest, not the latest");

        advance(DispatchLag.WINDOW);
        assertEquals(Duration.ofSeconds(8), lag.recent(), "still counted in the window after");
        advance(DispatchLag.WINDOW);
        assertEquals(Duration.ZERO, lag.recent(), "a node that caught up closes silent sockets on time again");
    }

    @Test
    void a_pong_that_is_not_an_echo_of_our_ping_is_ignored() {
        lag.pong(ByteBuffer.wrap(new byte[] {'a', '1'}));
        lag.pong(ByteBuffer.allocate(0));
        lag.pong(null);
        lag.pong(ByteBuffer.allocate(Long.BYTES).putLong(0, clock.get() + 1_000_000)); // from the future
        assertEquals(Duration.ZERO, lag.recent());
    }

    @Test
    void a_node_seconds_late_stops_closing_floods_and_past_ten_seconds_sheds_new_questions() {
        assertFalse(lag.lagging());
        assertFalse(lag.shedding());

        lag.observe(Duration.ofSeconds(3).toNanos());
        assertTrue(lag.lagging());
        assertFalse(lag.shedding(), "ALPHA01_SHED_AFTER_SECONDS: 10 by default");

        lag.observe(Duration.ofSeconds(11).toNanos());
        assertTrue(lag.shedding());

        advance(DispatchLag.WINDOW.multipliedBy(2));
        assertFalse(lag.shedding(), "caught up: questions are taken again");
    }
}
