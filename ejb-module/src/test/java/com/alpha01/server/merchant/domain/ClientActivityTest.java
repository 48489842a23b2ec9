package com.alpha01.server.merchant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientActivityTest {

    @Test
    void growth_is_the_difference_and_a_count_that_fell_was_a_restart_counted_from_zero() {
        ClientActivity before = new ClientActivity(10, 4, 2, 1, 5, 1, 700, 1500);
        assertEquals(new ClientActivity(3, 0, 0, 2, 1, 0, 650, 1400),
                new ClientActivity(13, 4, 2, 3, 6, 1, 650, 1400).since(before));
        assertEquals(new ClientActivity(2, 1, 0, 0, 0, 0, -1, -1),
                new ClientActivity(2, 1, 0, 0, 0, 0, -1, -1).since(before), "the client started again");
        assertEquals(new ClientActivity(10, 4, 2, 1, 5, 1, 700, 1500), before.since(ClientActivity.NONE),
                "the first report counts whole");
    }

    @Test
    void a_stored_report_gives_the_growth_and_keeps_the_latest() {
        ClientReport report = new ClientReport();
        assertEquals(new ClientActivity(4, 0, 1, 0, 0, 0, 300, 900),
                report.replaceWith(new ClientActivity(4, 0, 1, 0, 0, 0, 300, 900), java.time.Instant.now()));
        assertEquals(new ClientActivity(1, 0, 0, 0, 0, 0, -1, -1),
                report.replaceWith(new ClientActivity(5, 0, 1, 0, 0, 0, -1, -1), java.time.Instant.now()));
        assertEquals(new ClientActivity(5, 0, 1, 0, 0, 0, -1, -1), report.activity());
    }
}
