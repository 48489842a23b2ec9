package com.alpha01.server.chat.application.pacing;

import java.util.function.LongSupplier;

/**
 * A token bucket for one peer (one socket): {@code burst} frames at once, refilled at
 * {@code perSecond}. It also counts refusals in a row, so a peer that keeps flooding can be cut
 * off while one that merely bursts is only slowed down. Not thread-safe: one per socket, used
 * under the socket's own serial message delivery.
 */
public final class RateLimiter {

    private final double burst;
    private final double perNano;
    private final LongSupplier clock;
    private double tokens;
    private long last;
    private int refusedInARow;

    public RateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("burst must be >= 1 and rate > 0");
        }
        this.burst = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.clock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    public static RateLimiter perSocket(int burst, double perSecond) {
        return new RateLimiter(burst, perSecond, System::nanoTime);
    }

    /** Takes one token if there is one. */
    public boolean tryAcquire() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return true;
        }
        refusedInARow++;
        return false;
    }

    /** Refusals since the last accepted frame. */
    public int refusedInARow() {
        return refusedInARow;
    }
}
