package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SocketsTest {

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
        var customer = Sockets.customerLimit();
        int passed = 0;
        while (customer.tryAcquire()) {
            passed++;
        }
        assertTrue(passed >= 20 && passed <= 21, "a customer's burst: " + passed); // 5 a second may refill one meanwhile
        var client = Sockets.clientLimit();
        passed = 0;
        while (client.tryAcquire()) {
            passed++;
        }
        assertTrue(passed >= 1000 && passed <= 1002, "a merchant client's burst: " + passed);
    }
}
