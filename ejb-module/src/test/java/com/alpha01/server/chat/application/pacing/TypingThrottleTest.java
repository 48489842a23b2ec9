package com.alpha01.server.chat.application.pacing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TypingThrottleTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong nanos = new AtomicLong(5_000 * MS);
    private final TypingThrottle throttle = new TypingThrottle(Duration.ofSeconds(1), nanos::get);

    /** Offers a frame as a socket does: relayed (and recorded) only when allowed. */
    private boolean offer(String conversation, boolean typing) {
        if (!throttle.allows(conversation, typing)) {
            return false;
        }
        throttle.passed(conversation, typing);
        return true;
    }

    @Test
    void one_typing_frame_per_second_per_conversation_passes() {
        assertTrue(offer("a", true));
        nanos.addAndGet(400 * MS);
        assertFalse(offer("a", true));
        nanos.addAndGet(599 * MS);
        assertFalse(offer("a", true), "999 ms after the last one passed");
        nanos.addAndGet(MS);
        assertTrue(offer("a", true));
    }

    @Test
    void conversations_are_throttled_apart() {
        assertTrue(offer("a", true));
        assertTrue(offer("b", true));
        assertFalse(offer("a", true));
        assertFalse(offer("b", true));
    }

    @Test
    void the_stop_that_ends_a_passed_typing_always_passes_once() {
        assertTrue(offer("a", true));
        nanos.addAndGet(100 * MS);
        assertTrue(offer("a", false), "the other side must not keep seeing a typist who stopped");
        assertFalse(offer("a", false), "a second stop says nothing new");
        assertFalse(offer("a", true), "and typing again waits for the interval");
    }

    @Test
    void a_flood_of_alternating_frames_passes_at_most_two_a_second() {
        int passed = 0;
        for (int i = 0; i < 1000; i++) {
            if (offer("a", i % 2 == 0)) {
                passed++;
            }
            nanos.addAndGet(5 * MS); // 200 frames a second, for 5 seconds
        }
        assertTrue(passed <= 10, "passed " + passed);
        assertTrue(passed >= 5, "passed " + passed);
    }

    @Test
    void a_frame_that_was_allowed_but_not_relayed_does_not_count() {
        assertTrue(throttle.allows("a", true)); // e.g. refused: another conversation's id
        assertTrue(offer("a", true));
    }

    @Test
    void many_conversations_are_remembered_only_while_they_matter() {
        for (int i = 0; i < 500; i++) {
            assertTrue(offer("c" + i, true));
            nanos.addAndGet(10 * MS);
        }
        assertTrue(throttle.remembered() <= 101, "only the last second's: " + throttle.remembered());
        assertFalse(offer("c499", true), "recent entries survive pruning");
        assertTrue(offer("c0", true));
    }

    @Test
    void refuses_a_non_positive_interval() {
        assertThrows(IllegalArgumentException.class, () -> new TypingThrottle(Duration.ZERO, nanos::get));
    }
}
