package com.alpha01.client.link;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the link waits before its next connection attempt: exponential from 0.5 s, at most
 * {@link #MAX}, with jitter (a random delay between half and all of it) so that the clients of a
 * restarted server do not all come back in the same instant. A connection resets it.
 */
final class Backoff {

    static final Duration MAX = Duration.ofSeconds(30);

    private int attempt;

    /** The delay before the next attempt, in ms; each call counts one more failed attempt. */
    synchronized long nextDelayMillis() {
        long base = Math.min(MAX.toMillis(), 500L << Math.min(attempt++, 10));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    /** Connected: the next failure starts from the shortest delay again. */
    synchronized void reset() {
        attempt = 0;
    }
}
