package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.Frame;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void only_the_pong_of_the_last_ping_gives_the_round_trip() {
        Heartbeat heartbeat = new Heartbeat();
        assertEquals(-1, heartbeat.rttMillis(), "none before the first");

        Frame.Ping first = heartbeat.ping();
        Frame.Ping second = heartbeat.ping();
        heartbeat.pong(new Frame.Pong(first.nonce()));
        assertEquals(-1, heartbeat.rttMillis(), "a stale pong measures nothing");

        heartbeat.pong(new Frame.Pong(second.nonce()));
        assertTrue(heartbeat.rttMillis() >= 0, "measured: " + heartbeat.rttMillis());
    }

    @Test
    void a_link_that_hears_nothing_for_thirty_seconds_is_silent_and_any_frame_or_a_new_connection_ends_that() {
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
        Heartbeat heartbeat = new Heartbeat(clock::get);
        clock.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(Heartbeat.SILENT_SECONDS - 1));
        assertFalse(heartbeat.silent());

        clock.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        assertTrue(heartbeat.silent());

        heartbeat.heard();
        assertFalse(heartbeat.silent());
    }
}
