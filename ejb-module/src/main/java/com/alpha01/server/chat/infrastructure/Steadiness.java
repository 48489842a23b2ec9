package com.alpha01.server.chat.infrastructure;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a periodic write has been succeeding without a gap for some time: a failure, or two
 * successes further apart than {@code gap}, start the count again. Thread-safe; time from
 * {@code nanoTime} (a monotonic clock), so tests can drive it.
 */
final class Steadiness {

    private final long gapNanos;
    private final LongSupplier nanoTime;
    private boolean broken;
    private long since;
    private long last;

    Steadiness(Duration gap, LongSupplier nanoTime) {
        this.gapNanos = gap.toNanos();
        this.nanoTime = nanoTime;
        this.since = nanoTime.getAsLong();
        this.last = since;
    }

    synchronized void succeeded() {
        long now = nanoTime.getAsLong();
        if (broken || now - last > gapNanos) {
            since = now;
            broken = false;
        }
        last = now;
    }

    synchronized void failed() {
        broken = true;
    }

    /** Whether the writes have succeeded, none further apart than the gap, for {@code window} up to now. */
    synchronized boolean steadyFor(Duration window) {
        long now = nanoTime.getAsLong();
        return !broken && now - last <= gapNanos && now - since >= window.toNanos();
    }
}
