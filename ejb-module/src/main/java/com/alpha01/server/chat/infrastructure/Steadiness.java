package com.alpha01.server.chat.infrastructure;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a periodic write has been reaching the database for some time: a failure because the
 * database could not be reached starts the count again from the next success. Writes that are only
 * late (a busy node's timers, a pool with no connection free) do not: under load, clients that went
 * away must still be noticed. Thread-safe; time from {@code nanoTime} (a monotonic clock), so tests
 * can drive it.
 */
final class Steadiness {

    private final LongSupplier nanoTime;
    private boolean broken;
    private long since;
    private long last;

    Steadiness(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.since = nanoTime.getAsLong();
        this.last = since;
    }

    synchronized void succeeded() {
        long now = nanoTime.getAsLong();
        if (broken) {
            since = now;
            broken = false;
        }
        last = now;
    }

    /** The database could not be reached. */
    synchronized void failed() {
        broken = true;
    }

    /**
     * Whether the writes have reached the database since the last outage for at least {@code window},
     * the last one within {@code window}.
     */
    synchronized boolean steadyFor(Duration window) {
        long now = nanoTime.getAsLong();
        return !broken && now - since >= window.toNanos() && now - last <= window.toNanos();
    }
}
