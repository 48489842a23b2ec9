package com.alpha01.server.analytics.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The period a figures request reads: defaults, and what is refused. */
class AnalyticsPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @Test
    void without_dates_the_last_seven_days_up_to_today() {
        assertArrayEquals(new LocalDate[] {LocalDate.parse("2026-12-01"), TODAY}, Analytics.period(null, "", TODAY));
        assertArrayEquals(new LocalDate[] {LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-30")},
                Analytics.period(null, "2026-11-30", TODAY));
        assertArrayEquals(new LocalDate[] {TODAY, TODAY}, Analytics.period("2026-12-07", "2026-12-07", TODAY));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-08,2026-12-07", "2025-01-01,2026-12-07", "yesterday,", "2026-13-01,", "'',2026/12/07"})
    void a_reversed_too_long_or_malformed_period_is_refused(String from, String to) {
        DomainException e = assertThrows(DomainException.class, () -> Analytics.period(from, to, TODAY));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }
}
