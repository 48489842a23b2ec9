package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
