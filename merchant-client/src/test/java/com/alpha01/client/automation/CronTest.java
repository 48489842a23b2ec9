package com.alpha01.client.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The schedule dialect the automation screen has always accepted, now parsed by cron-utils. */
class CronTest {

    private static LocalDateTime at(String t) {
        return LocalDateTime.parse(t);
    }

    @Test
    void lists_ranges_and_steps_pick_the_minutes_they_name() {
        Cron cron = Cron.parse("5/20,58 8-9 * * *");
        assertEquals(at("2026-12-07T08:05"), cron.next(at("2026-12-07T07:59")).get());
        assertEquals(at("2026-12-07T08:25"), cron.next(at("2026-12-07T08:05")).get(), "a step from 5: 5, 25, 45");
        assertEquals(at("2026-12-07T08:58"), cron.next(at("2026-12-07T08:45")).get(), "a list item beside the step");
        assertEquals(at("2026-12-07T09:05"), cron.next(at("2026-12-07T08:58")).get());
        assertEquals(at("2026-12-08T08:05"), cron.next(at("2026-12-07T09:58")).get(), "after the last hour: tomorrow");
        Cron stepped = Cron.parse("0-30/10 12 * * *");
        assertEquals(at("2026-12-07T12:30"), stepped.next(at("2026-12-07T12:20")).get());
        assertEquals(at("2026-12-08T12:00"), stepped.next(at("2026-12-07T12:30")).get(), "a stepped range stops at its end");
    }

    @Test
    void next_is_strictly_after_and_ignores_seconds() {
        Cron daily = Cron.parse("30 21 * * *");
        assertEquals(at("2026-12-08T21:30"), daily.next(at("2026-12-07T21:30")).get());
        assertEquals(at("2026-12-08T21:30"), daily.next(at("2026-12-07T21:30:59")).get());
        assertEquals(at("2026-12-07T21:30"), daily.next(at("2026-12-07T21:29:59")).get());
        assertTrue(daily.matches(at("2026-12-07T21:30:42")));
        assertFalse(daily.matches(at("2026-12-07T21:31")));
    }

    @Test
    void sunday_is_both_0_and_7_and_monday_is_1() {
        LocalDateTime sunday = at("2026-12-06T00:00");
        assertTrue(Cron.parse("0 0 * * 0").matches(sunday));
        assertTrue(Cron.parse("0 0 * * 7").matches(sunday));
        assertFalse(Cron.parse("0 0 * * 1").matches(sunday));
        assertTrue(Cron.parse("0 0 * * 1").matches(at("2026-12-07T00:00")));
        assertEquals(at("2026-12-11T18:00"), Cron.parse("0 18 * * 5").next(sunday).get(), "Friday");
        assertEquals(at("2026-12-07T09:00"), Cron.parse("0 9 * * MON").next(sunday).get(), "names are read too");
    }

    @Test
    void a_day_of_month_and_a_weekday_together_must_both_match() {
        // Friday the 13th: the app has always read the two day fields together (both must match).
        Cron friday13 = Cron.parse("0 10 13 * 5");
        assertEquals(at("2027-08-13T10:00"), friday13.next(at("2026-12-06T00:00")).get());
        assertFalse(friday13.matches(at("2027-01-13T10:00")), "a Wednesday the 13th");
        assertFalse(friday13.matches(at("2026-12-11T10:00")), "a Friday the 11th");
    }

    @Test
    void month_and_leap_day_are_respected_within_a_year_and_a_day() {
        assertEquals(at("2027-03-01T09:00"), Cron.parse("0 9 1 3 *").next(at("2026-12-06T00:00")).get());
        assertEquals(Optional.empty(), Cron.parse("0 12 29 2 *").next(at("2026-11-25T00:00")),
                "29 February 2028 is more than a year away");
        assertEquals(at("2028-02-29T12:00"), Cron.parse("0 12 29 2 *").next(at("2027-06-01T00:00")).get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"61 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *", "* * * 13 *", "* * * * 8",
            "5-1 * * * *", "* * * *", "* * * * * *", "x * * * *", "", "1,,2 * * * *"})
    void what_is_not_a_schedule_is_refused(String expression) {
        assertThrows(IllegalArgumentException.class, () -> Cron.parse(expression));
    }

    @Test
    void the_expression_is_kept_as_written() {
        assertEquals("*/15 9-10 * * *", Cron.parse("  */15 9-10 * * *  ").toString());
    }
}
