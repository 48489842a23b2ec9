package com.alpha01.server.chat.application.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void allows_a_burst_then_refuses() {
        RateLimiter limiter = new RateLimiter(3, 1, nanos::get);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        assertEquals(2, limiter.refusedInARow());
    }

    @Test
    void refills_at_the_rate_and_never_above_the_burst() {
        RateLimiter limiter = new RateLimiter(2, 4, nanos::get);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        nanos.addAndGet(250_000_000L); // a quarter second at 4/s = one token
        assertTrue(limiter.tryAcquire());
        assertEquals(0, limiter.refusedInARow());
        assertFalse(limiter.tryAcquire());
        nanos.addAndGet(60_000_000_000L); // a minute later the bucket is full, not 240 tokens
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void rejects_nonsense_settings() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, nanos::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, nanos::get));
    }
}
