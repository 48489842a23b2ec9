package com.alpha01.client.ai;

import java.time.Duration;

/**
 * How often a failed model call is tried again (rate limits, 5xx, network, timeouts; never authentication or
 * balance errors) and how long to wait before each retry: {@code initialDelay}, multiplied by
 * {@code multiplier} each time, at most {@code maxDelay}. {@code maxAttempts} counts the first call.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || multiplier < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** Three attempts, waiting 0.5 s then 1 s: at most 1.5 s of back-off per answer. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(4));
    }

    /** The wait before attempt {@code attempt} (2 is the first retry). */
    public Duration delayBefore(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
