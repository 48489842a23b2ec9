package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.chat.application.pacing.RateLimiter;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SocketsTest {

    @Test
    void a_frame_is_too_big_past_16_kib_of_utf8_not_of_characters() {
        assertFalse(Sockets.tooBig("a".repeat(16 * 1024)));
        assertTrue(Sockets.tooBig("a".repeat(16 * 1024 + 1)));
        assertFalse(Sockets.tooBig("好".repeat(5461)), "5,461 × 3 bytes = 16,383");
        assertTrue(Sockets.tooBig("好".repeat(5462)), "5,462 × 3 bytes = 16,386, though only 5,462 characters");
        assertTrue(Sockets.tooBig("😀".repeat(4097)), "4 bytes each: 16,388");
        assertFalse(Sockets.tooBig("😀".repeat(4096)));
    }

    @Test
    void a_reconnecting_page_says_since_which_seq_and_anything_else_means_the_latest_history() {
        assertEquals(OptionalLong.of(0), Sockets.since(Optional.of("0")));
        assertEquals(OptionalLong.of(17), Sockets.since(Optional.of("17")));
        assertEquals(OptionalLong.empty(), Sockets.since(Optional.empty()));
        assertEquals(OptionalLong.empty(), Sockets.since(Optional.of("-1")));
        assertEquals(OptionalLong.empty(), Sockets.since(Optional.of("seven")));
        assertEquals(OptionalLong.empty(), Sockets.since(Optional.of("")));
    }

    @Test
    void customers_and_merchant_clients_get_the_documented_frame_rates() {
        long[] now = {0};
        assertEquals(20, burst(Sockets.customerLimit(() -> now[0])), "a customer's burst");
        assertEquals(1000, burst(Sockets.clientLimit(() -> now[0])), "a merchant client's burst");
        var customer = Sockets.customerLimit(() -> now[0]);
        var client = Sockets.clientLimit(() -> now[0]);
        burst(customer);
        burst(client);
        now[0] += 1_000_000_000L;
        assertEquals(5, burst(customer), "a customer's frames a second after the burst");
        assertEquals(200, burst(client), "a merchant client's frames a second after the burst");
    }

    /** Frames let through at once, on a clock that stands still. */
    private static int burst(RateLimiter limit) {
        int passed = 0;
        while (limit.tryAcquire()) {
            passed++;
        }
        return passed;
    }
}
