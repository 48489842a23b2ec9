package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StatsServiceTest {

    @Test
    void the_ai_answer_rate_has_three_decimals_rounded_half_up() {
        assertEquals(new BigDecimal("0.667"), StatsService.rate(2, 3));
        assertEquals(new BigDecimal("0.333"), StatsService.rate(1, 3));
        assertEquals(new BigDecimal("0.83"), StatsService.rate(83, 100));
        assertEquals(new BigDecimal("0.001"), StatsService.rate(1, 1999));
        assertEquals("0.75", StatsService.rate(3, 4).toString());
    }

    @Test
    void all_or_nothing_are_plain_numbers_and_no_answers_is_zero() {
        assertEquals("1", StatsService.rate(5, 5).toString());
        assertEquals("0", StatsService.rate(0, 5).toString());
        assertEquals("0", StatsService.rate(0, 0).toString());
    }
}
