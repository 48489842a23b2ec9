package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The socket's send queue against a writer that completes at once, later, or never (a peer that stopped
 * reading): frames go out in order one at a time, the caller never waits, and a peer too far behind is
 * closed instead of holding the node.
 */
class SendQueueTest {

    /** A socket whose writes complete only when the test says so. */
    private static final class Socket implements SendQueue.Writer {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<Consumer<Boolean>> pending = new ArrayList<>();
        boolean immediate;
        int inFlight;
        int maxInFlight;

        @Override
        public synchronized void write(String frame, Consumer<Boolean> done) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            written.add(frame);
            if (immediate) {
                inFlight--;
                done.accept(true);
            } else {
                pending.add(ok -> {
                    synchronized (this) {
                        inFlight--;
                    }
                    done.accept(ok);
                });
            }
        }

        void completeOne(boolean ok) {
            Consumer<Boolean> next;
            synchronized (this) {
                next = pending.remove(0);
            }
            next.accept(ok);
        }
    }

    @Test
    void frames_go_out_in_order_one_at_a_time_even_when_each_completes_later() {
        Socket socket = new Socket();
        AtomicInteger closed = new AtomicInteger();
        SendQueue queue = new SendQueue(socket, closed::incrementAndGet, "s1");
        for (int i = 0; i < 5; i++) {
            assertTrue(queue.offer("frame " + i));
        }
        assertEquals(List.of("frame 0"), socket.written, "one in flight, the rest waiting");
        assertEquals(5, queue.backlog());
        for (int i = 0; i < 5; i++) {
            socket.completeOne(true);
        }
        assertEquals(List.of("frame 0", "frame 1", "frame 2", "frame 3", "frame 4"), socket.written);
        assertEquals(1, socket.maxInFlight);
        assertEquals(0, queue.backlog());
        assertEquals(0, closed.get());
    }

    @Test
    void writes_that_complete_at_once_drain_without_recursion() {
        Socket socket = new Socket();
        socket.immediate = true;
        SendQueue queue = new SendQueue(socket, () -> { }, "s2");
        for (int i = 0; i < 100_000; i++) { // a recursive drain would overflow the stack long before
            queue.offer("f" + i);
        }
        assertEquals(100_000, socket.written.size());
        assertEquals("f99999", socket.written.get(99_999));
        assertEquals(0, queue.backlog());
    }

    @Test
    void a_peer_that_stops_reading_is_closed_once_too_far_behind_and_nobody_waits_for_it() {
        Socket socket = new Socket(); // never completes: the peer's network stalled
        AtomicInteger closed = new AtomicInteger();
        SendQueue queue = new SendQueue(socket, closed::incrementAndGet, "s3");
        String frame = "x".repeat(1000);
        int accepted = 0;
        while (queue.offer(frame)) {
            accepted++;
            assertTrue(accepted <= SendQueue.MAX_FRAMES + 1, "bounded");
        }
        assertEquals(1, closed.get(), "closed once, as too slow");
        assertTrue(accepted * (long) frame.length() <= SendQueue.MAX_CHARS + frame.length());
        assertFalse(queue.offer("after"), "a closed queue takes nothing more");
        assertEquals(1, closed.get());
        assertEquals(1, socket.written.size(), "only the first frame ever reached the socket");
    }

    @Test
    void a_failed_write_closes_the_queue_and_drops_what_waited() {
        Socket socket = new Socket();
        SendQueue queue = new SendQueue(socket, () -> { }, "s4");
        queue.offer("a");
        queue.offer("b");
        socket.completeOne(false);
        assertEquals(0, queue.backlog());
        assertFalse(queue.offer("c"));
        assertEquals(List.of("a"), socket.written);
    }
}
