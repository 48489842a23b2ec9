package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }

        void set(String localDateTime) {
            now = java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
        }
    }

    @Test
    void should_start_counting_again_at_local_midnight() {
        MovableClock clock = new MovableClock(Instant.EPOCH);
        clock.set("2025-06-01T23:59:30");
        TokenBudget budget = new TokenBudget(1000, UsageStore.inMemory(), clock);
        budget.record(1000);
        assertTrue(budget.exhausted());

        clock.set("2025-06-02T00:00:01");

        assertFalse(budget.exhausted());
        assertEquals(new DailyUsage(LocalDate.of(2025, 6, 2), 0, 1000), budget.today());
    }

    @Test
    void a_raised_limit_lifts_a_spent_budget_at_once() {
        TokenBudget budget = new TokenBudget(1000, UsageStore.inMemory(), Clock.system(SHANGHAI));
        budget.record(1200);
        assertTrue(budget.exhausted());
        budget.limit(5000);
        assertFalse(budget.exhausted(), "the settings' new limit applies without a restart");
        assertEquals(1200, budget.today().tokens(), "today's count stays");
        budget.limit(1000);
        assertTrue(budget.exhausted());
    }

    @Test
    void should_use_the_local_day_not_utc() {
        MovableClock clock = new MovableClock(Instant.EPOCH);
        clock.set("2025-06-02T07:30:00");
        TokenBudget budget = new TokenBudget(1000, UsageStore.inMemory(), clock);

        assertEquals(LocalDate.of(2025, 6, 2), budget.today().day());
        assertEquals(LocalDate.of(2025, 6, 1), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Test
    void should_continue_from_the_saved_count_of_the_same_day_only() {
        MovableClock clock = new MovableClock(Instant.EPOCH);
        clock.set("2025-06-02T10:00:00");
        UsageStore store = UsageStore.inMemory();
        new TokenBudget(1000, store, clock).record(700);

        assertEquals(700, new TokenBudget(1000, store, clock).today().tokens(), "after a restart the same day");
        assertEquals(new UsageStore.Saved(LocalDate.of(2025, 6, 2), 700), store.load().orElseThrow());

        clock.set("2025-06-03T08:00:00");
        assertEquals(0, new TokenBudget(1000, store, clock).today().tokens(), "yesterday's count does not carry over");
    }

    @Test
    void should_keep_counting_when_the_store_fails() {
        UsageStore broken = new UsageStore() {
            @Override
            public Optional<Saved> load() {
                return Optional.empty();
            }

            @Override
            public void save(Saved usage) {
                throw new IllegalStateException("store locked");
            }
        };
        TokenBudget budget = new TokenBudget(100, broken, Clock.system(SHANGHAI));

        budget.record(60);

        assertEquals(60, budget.today().tokens());
        assertEquals(40, budget.today().remaining());
    }

    @Test
    void should_allow_no_model_calls_with_a_zero_limit() {
        assertTrue(new TokenBudget(0, UsageStore.inMemory(), Clock.system(SHANGHAI)).exhausted());
    }
}
