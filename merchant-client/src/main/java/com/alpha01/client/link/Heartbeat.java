package com.alpha01.client.link;

import com.alpha01.protocol.Frame;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The link's ping: sent on a fresh connection and every {@value #EVERY_SECONDS} s while online,
 * it keeps the socket alive through proxies and measures the round trip from the matching pong.
 */
final class Heartbeat {

    static final long EVERY_SECONDS = 10;

    private volatile long nonce;
    private volatile long sentNanos;
    private volatile long rttMillis = -1;

    /** The next ping to send; its pong gives the round trip. */
    Frame.Ping ping() {
        nonce = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        sentNanos = System.nanoTime();
        return new Frame.Ping(nonce);
    }

    /** A pong came: the round trip, if it answers the last ping. */
    void pong(Frame.Pong pong) {
        if (pong.nonce() == nonce) {
            rttMillis = Math.max(0, (System.nanoTime() - sentNanos) / 1_000_000);
        }
    }

    /** The last measured round trip in ms, or -1 before the first. */
    long rttMillis() {
        return rttMillis;
    }
}
