package com.alpha01.server.platform.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.platform.config.Settings;
import com.alpha01.server.platform.edge.RateLimits.Kind;
import io.github.bucket4j.TimeMeter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    /** A clock the test moves by hand. */
    private static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advanceSeconds(long seconds) {
            nanos += TimeUnit.SECONDS.toNanos(seconds);
        }
    }

    private final Clock clock = new Clock();

    private RateLimits limits(Kind kind, Limit limit) {
        Map<Kind, Limit> all = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            all.put(k, Limit.OFF);
        }
        all.put(kind, limit);
        return new RateLimits(all, Set.of("10.9.9.9"), clock);
    }

    @Test
    void a_burst_passes_then_the_next_is_refused_with_the_seconds_until_a_token_returns() {
        RateLimits limits = limits(Kind.ADDRESS, new Limit(3, 6));

        for (int i = 0; i < 3; i++) {
            assertTrue(limits.take(Kind.ADDRESS, "203.0.113.7").allowed());
        }
        RateLimits.Decision refused = limits.take(Kind.ADDRESS, "203.0.113.7");

        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds(), "6 a minute: one every 10 s");
    }

    @Test
    void the_bucket_refills_at_its_rate() {
        RateLimits limits = limits(Kind.USER, new Limit(1, 6));
        assertTrue(limits.take(Kind.USER, "u1").allowed());
        assertFalse(limits.take(Kind.USER, "u1").allowed());

        clock.advanceSeconds(10);

        assertTrue(limits.take(Kind.USER, "u1").allowed());
        assertFalse(limits.take(Kind.USER, "u1").allowed());
    }

    @Test
    void one_key_flooding_leaves_another_key_its_whole_burst() {
        RateLimits limits = limits(Kind.ADDRESS, new Limit(2, 60));
        limits.take(Kind.ADDRESS, "198.51.100.1");
        limits.take(Kind.ADDRESS, "198.51.100.1");
        assertFalse(limits.take(Kind.ADDRESS, "198.51.100.1").allowed());

        assertTrue(limits.take(Kind.ADDRESS, "198.51.100.2").allowed());
        assertTrue(limits.take(Kind.ADDRESS, "198.51.100.2").allowed());
    }

    @Test
    void peek_says_whether_a_request_would_pass_without_counting_it() {
        RateLimits limits = limits(Kind.BAD_SCAN, new Limit(1, 1));

        assertTrue(limits.peek(Kind.BAD_SCAN, "a").allowed());
        assertTrue(limits.peek(Kind.BAD_SCAN, "a").allowed());
        assertTrue(limits.take(Kind.BAD_SCAN, "a").allowed());
        RateLimits.Decision after = limits.peek(Kind.BAD_SCAN, "a");

        assertFalse(after.allowed());
        assertEquals(60, after.retryAfterSeconds());
    }

    @Test
    void a_limit_switched_off_lets_everything_through() {
        RateLimits limits = limits(Kind.QR, Limit.OFF);

        for (int i = 0; i < 1000; i++) {
            assertTrue(limits.take(Kind.QR, "m|c|t").allowed());
        }
        assertTrue(limits.take(Kind.ADDRESS, "x").allowed(), "every other kind is off in this test too");
    }

    @Test
    void keys_longer_than_the_bound_share_their_first_200_characters() {
        RateLimits limits = limits(Kind.QR, new Limit(1, 1));
        String prefix = "m|c|" + "t".repeat(300);

        assertTrue(limits.take(Kind.QR, prefix + "A").allowed());
        assertFalse(limits.take(Kind.QR, prefix + "B").allowed(), "a forged suffix does not buy a new bucket");
    }

    @Test
    void only_the_configured_addresses_are_exempt() {
        RateLimits limits = limits(Kind.ADDRESS, new Limit(1, 1));

        assertTrue(limits.exempt("10.9.9.9"));
        assertFalse(limits.exempt("10.9.9.8"));
    }

    @Test
    void settings_set_each_limit_and_nonsense_keeps_the_default() {
        Map<String, String> env = Map.of("ALPHA01_RATE_QR_BURST", "7", "ALPHA01_RATE_QR_PER_MINUTE", "70",
                "ALPHA01_RATE_USER_BURST", "-1", "ALPHA01_RATE_EXEMPT", " 127.0.0.1 , ::1 ,");
        RateLimits limits = RateLimits.from(Settings.of(env::get, key -> null));

        assertEquals(new Limit(7, 70), limits.limit(Kind.QR));
        assertEquals(Kind.USER.fallback, limits.limit(Kind.USER));
        assertEquals(Kind.ADDRESS.fallback, limits.limit(Kind.ADDRESS));
        assertTrue(limits.exempt("127.0.0.1"));
        assertTrue(limits.exempt("::1"));
        assertFalse(limits.exempt(""));
    }

    @Test
    void log_lines_show_no_whole_address_and_no_token() {
        assertEquals("203.0.113.x", Kind.ADDRESS.shown("203.0.113.7"));
        assertEquals("2001:db8:85a3:…", Kind.BAD_SCAN.shown("2001:db8:85a3:0:0:8a2e:370:7334"));
        assertEquals("a QR code of merchant m-1", Kind.QR.shown("m-1|c-1|SECRET-TOKEN"));
    }
}
