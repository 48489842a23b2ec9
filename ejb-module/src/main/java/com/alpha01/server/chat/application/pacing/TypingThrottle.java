package com.alpha01.server.chat.application.pacing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Thins one socket's {@code typing} frames, per conversation: one may pass per interval, and so may
 * the "stopped" ({@code false}) that ends a "typing" that passed, so the other side never keeps
 * seeing a typist who stopped. Everything else is dropped without an answer: a typing frame is
 * worth no error and no resend, and a flood of them reaches nobody (at most two a second per
 * conversation). Not thread-safe: one per socket, used under the socket's own serial message
 * delivery, like {@link RateLimiter}.
 */
public final class TypingThrottle {

    /** Entries older than the interval decide nothing; above this many they are pruned. */
    private static final int PRUNE_AT = 64;

    private record Passed(long at, boolean typing) {
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Map<String, Passed> last = new HashMap<>();

    public TypingThrottle(Duration interval, LongSupplier nanoClock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.intervalNanos = interval.toNanos();
        this.clock = nanoClock;
    }

    /** One per second per conversation. */
    public static TypingThrottle perSocket() {
        return new TypingThrottle(Duration.ofSeconds(1), System::nanoTime);
    }

    /** Whether a typing frame of this conversation may pass now; call {@link #passed} once it has. */
    public boolean allows(String conversationId, boolean typing) {
        Passed p = last.get(conversationId);
        return p == null || clock.getAsLong() - p.at() >= intervalNanos || (p.typing() && !typing);
    }

    /**
     * Records that a typing frame of this conversation was relayed. Separate from {@link #allows},
     * so a frame the server refused (another conversation's id) does not silence the next one.
     */
    public void passed(String conversationId, boolean typing) {
        long now = clock.getAsLong();
        if (last.size() >= PRUNE_AT) {
            last.values().removeIf(p -> now - p.at() >= intervalNanos);
        }
        last.put(conversationId, new Passed(now, typing));
    }

    /** How many conversations it remembers (for tests: the memory stays bounded). */
    int remembered() {
        return last.size();
    }
}
