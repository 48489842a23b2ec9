package com.alpha01.server.chat.application.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.platform.error.DomainException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DraftThrottleTest {

    private static final long MS = 1_000_000L;

    /** A scheduler on the test's clock: tasks run when {@link #advance} passes their time. */
    private final AtomicLong nanos = new AtomicLong(5_000 * MS);
    private final List<Timed> scheduled = new ArrayList<>();
    private final DraftThrottle throttle = new DraftThrottle(Duration.ofMillis(200), nanos::get,
            (task, delay) -> scheduled.add(new Timed(nanos.get() + delay, task)));

    /** What reached the other side, in order, with the time it was relayed. */
    private final List<String> relayed = new ArrayList<>();
    private final List<Long> relayedAt = new ArrayList<>();

    private record Timed(long at, Runnable task) {
    }

    private void offer(String conversation, String text) {
        throttle.offer(conversation, () -> {
            relayed.add(conversation + ":" + text);
            relayedAt.add(nanos.get());
        });
    }

    private void advance(long millis) {
        long end = nanos.get() + millis * MS;
        while (true) {
            Timed next = scheduled.stream().filter(t -> t.at() <= end).min(Comparator.comparingLong(Timed::at))
                    .orElse(null);
            if (next == null) {
                break;
            }
            scheduled.remove(next);
            nanos.set(Math.max(nanos.get(), next.at()));
            next.task().run();
        }
        nanos.set(end);
    }

    @Test
    void drafts_a_window_apart_all_pass_at_once() {
        offer("a", "您");
        advance(200);
        offer("a", "您好");
        advance(250);
        offer("a", "您好，");
        assertEquals(List.of("a:您", "a:您好", "a:您好，"), relayed);
        assertTrue(scheduled.isEmpty(), "nothing held, nothing to flush");
    }

    @Test
    void within_a_window_the_newest_is_held_and_sent_when_the_window_opens() {
        offer("a", "1");
        advance(50);
        offer("a", "12");
        advance(50);
        offer("a", "123");
        assertEquals(List.of("a:1"), relayed, "the window is closed: held");
        advance(99);
        assertEquals(List.of("a:1"), relayed);
        advance(1);
        assertEquals(List.of("a:1", "a:123"), relayed, "the newest, the older held one is dropped");
        advance(1000);
        assertEquals(2, relayed.size(), "and nothing more");
    }

    @Test
    void a_token_stream_reaches_the_other_side_five_a_second_in_order_and_ends_with_its_last_text() {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < 100; i++) { // a token every 30 ms for 3 s
            answer.append((char) ('a' + i % 26));
            offer("a", answer.toString());
            advance(30);
        }
        advance(1000);
        assertEquals("a:" + answer, relayed.get(relayed.size() - 1), "the last draft is never thinned away");
        assertTrue(relayed.size() <= 16 && relayed.size() >= 14, "about 5 a second for 3 s: " + relayed.size());
        for (int i = 1; i < relayed.size(); i++) {
            assertTrue(relayed.get(i).length() > relayed.get(i - 1).length(), "growing, in order: " + relayed);
            assertTrue(relayedAt.get(i) - relayedAt.get(i - 1) >= 200 * MS, "a window apart");
        }
    }

    @Test
    void conversations_are_thinned_apart() {
        offer("a", "x");
        offer("b", "y");
        offer("a", "xx");
        offer("b", "yy");
        assertEquals(List.of("a:x", "b:y"), relayed);
        advance(200);
        assertEquals(List.of("a:x", "b:y", "a:xx", "b:yy"), relayed);
    }

    @Test
    void a_draft_offered_while_a_flush_is_due_waits_for_it_so_none_overtakes_another() {
        offer("a", "1");
        advance(100);
        offer("a", "12");
        advance(150); // the window opened at 200; the flush ran then
        offer("a", "123"); // 50 ms after the flush: held again
        assertEquals(List.of("a:1", "a:12"), relayed);
        advance(150);
        assertEquals(List.of("a:1", "a:12", "a:123"), relayed);
        assertEquals(200 * MS, relayedAt.get(2) - relayedAt.get(1));
    }

    @Test
    void the_answer_itself_discards_a_held_draft() {
        offer("a", "1");
        offer("a", "12");
        throttle.discard("a");
        advance(1000);
        assertEquals(List.of("a:1"), relayed, "a draft after its answer would only confuse the page");
        offer("a", "next");
        assertEquals(List.of("a:1", "a:next"), relayed, "the next one passes at once");
    }

    @Test
    void a_refused_draft_reaches_the_caller_and_does_not_close_the_window() {
        DomainException refusal = new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        assertThrows(DomainException.class, () -> throttle.offer("foreign", () -> {
            throw refusal;
        }));
        assertThrows(DomainException.class, () -> throttle.offer("foreign", () -> {
            throw refusal;
        }), "every draft of a conversation the sender does not hold is refused, none is held");
        assertTrue(scheduled.isEmpty());
        offer("foreign", "ok");
        assertEquals(List.of("foreign:ok"), relayed);
    }

    @Test
    void a_held_draft_refused_when_it_is_flushed_is_dropped_quietly() {
        offer("a", "1");
        throttle.offer("a", () -> {
            throw new DomainException(ErrorCode.NOT_FOUND, "moved meanwhile");
        });
        advance(200); // no exception escapes into the scheduler
        offer("a", "12");
        assertEquals(List.of("a:1"), relayed, "the failed flush still took its window");
        advance(200);
        assertEquals(List.of("a:1", "a:12"), relayed);
    }

    @Test
    void many_conversations_are_remembered_only_while_they_matter() {
        for (int i = 0; i < 500; i++) {
            offer("c" + i, "x");
            advance(10);
        }
        assertTrue(throttle.remembered() <= 64, "pruned down to the last window's: " + throttle.remembered());
        offer("c499", "xx");
        assertEquals(500, relayed.size(), "recent entries survive pruning: held");
        advance(200);
        assertEquals(501, relayed.size());
    }

    @Test
    void refuses_a_non_positive_interval() {
        assertThrows(IllegalArgumentException.class,
                () -> new DraftThrottle(Duration.ZERO, nanos::get, (task, delay) -> { }));
    }
}
