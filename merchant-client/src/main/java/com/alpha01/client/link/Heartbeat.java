package com.alpha01.client.link;

import com.alpha01.protocol.Frame;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The link's ping: sent on a fresh connection and every {@value #EVERY_SECONDS} s while online,
 * it keeps the socket alive through proxies and measures the round trip from the matching pong; and
 * the link's ear: a link that hears nothing for {@value #SILENT_SECONDS} s is dead.
 */
final class Heartbeat {

    static final long EVERY_SECONDS = 10;
    /**
     * A link that heard nothing for this long — not a frame, not the server's own pings (every 5 s), not
     * a pong — is dead though its socket looks open (a network that holds packets instead of refusing
     * them): the link drops it and connects again.
     */
    static final long SILENT_SECONDS = 3 * EVERY_SECONDS;

    private final LongSupplier nanoClock;
    private volatile long nonce;
    private volatile long sentNanos;
    private volatile long rttMillis = -1;
    private volatile long heardNanos;

    Heartbeat() {
        this(System::nanoTime);
    }

    Heartbeat(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.heardNanos = nanoClock.getAsLong();
    }

    /** Something came from the server (or a connection was just made). */
    void heard() {
        heardNanos = nanoClock.getAsLong();
    }

    /** Whether the server has said nothing for {@link #SILENT_SECONDS}. */
    boolean silent() {
        return nanoClock.getAsLong() - heardNanos >= TimeUnit.SECONDS.toNanos(SILENT_SECONDS);
    }

    /** The next ping to send; its pong gives the round trip. */
    Frame.Ping ping() {
        nonce = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        sentNanos = nanoClock.getAsLong();
        return new Frame.Ping(nonce);
    }

    /** A pong came: the round trip, if it answers the last ping. */
    void pong(Frame.Pong pong) {
        if (pong.nonce() == nonce) {
            rttMillis = Math.max(0, (nanoClock.getAsLong() - sentNanos) / 1_000_000);
        }
    }

    /** The last measured round trip in ms, or -1 before the first. */
    long rttMillis() {
        return rttMillis;
    }
}
