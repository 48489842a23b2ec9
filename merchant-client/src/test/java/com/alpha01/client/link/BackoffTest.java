package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delays_double_from_half_a_second_with_jitter_up_to_thirty_seconds_and_a_connection_resets_them() {
        Backoff backoff = new Backoff();
        long base = 500;
        for (int attempt = 0; attempt < 14; attempt++) {
            long delay = backoff.nextDelayMillis();
            long expected = Math.min(base << attempt, Backoff.MAX.toMillis());
            assertTrue(delay >= expected / 2 && delay <= expected, "attempt " + attempt + ": " + delay);
        }
        backoff.reset();
        long first = backoff.nextDelayMillis();
        assertTrue(first >= 250 && first <= 500, "after a connection the first delay is short again: " + first);
    }
}
