package com.alpha01.server.chat.application.pacing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Thins one socket's drafts (answers streamed while they are written), per conversation, to one
 * per interval, and the newest always wins: a draft offered while its conversation's window is
 * closed is held back, replacing any draft held before it, and relayed as soon as the window opens
 * (a trailing send, on the {@link Scheduler}'s thread). So a stream of drafts reaches the other
 * side as at most one per interval, in order, and its last text is never lost to thinning, even
 * when the stream pauses (a slow model, a tool call) or ends without a final answer.
 *
 * <p>A draft relayed at once runs on the caller's thread and a failure (a refusal: another
 * conversation's id) reaches the caller and does not close the window. A held draft that fails when
 * it is finally relayed (the conversation moved meanwhile) is dropped with a DEBUG line. Thread-safe:
 * the socket offers, the scheduler flushes; relays run outside the lock.
 */
public final class DraftThrottle {

    private static final Logger LOG = Logger.getLogger(DraftThrottle.class);

    /** Slots older than the interval with nothing pending decide nothing; above this many they are pruned. */
    private static final int PRUNE_AT = 64;

    /** Runs a task once, after a delay (a managed scheduled executor in the server). */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    /** One conversation's state: when a draft last went out, and the newest one waiting for the window. */
    private static final class Slot {
        boolean passedOnce;
        long passedAt;
        Runnable held;
        boolean flushScheduled;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Scheduler scheduler;
    private final Map<String, Slot> slots = new HashMap<>();

    public DraftThrottle(Duration interval, LongSupplier nanoClock, Scheduler scheduler) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.intervalNanos = interval.toNanos();
        this.clock = nanoClock;
        this.scheduler = scheduler;
    }

    /** Five a second per conversation: a streamed answer grows smoothly without a frame per token. */
    public static DraftThrottle perSocket(Scheduler scheduler) {
        return new DraftThrottle(Duration.ofMillis(200), System::nanoTime, scheduler);
    }

    /**
     * Offers a draft of conversation {@code key}, whose relay is {@code send}. If the window is open
     * and nothing is waiting, {@code send} runs now; otherwise it is held (replacing an older held
     * draft) and runs when the window opens.
     */
    public void offer(String key, Runnable send) {
        long flushIn;
        synchronized (this) {
            long now = clock.getAsLong();
            prune(now);
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            if (slot.flushScheduled) {
                slot.held = send; // the scheduled flush takes the newest
                return;
            }
            if (!slot.passedOnce || now - slot.passedAt >= intervalNanos) {
                flushIn = -1;
            } else {
                slot.held = send;
                slot.flushScheduled = true;
                flushIn = intervalNanos - (now - slot.passedAt);
            }
        }
        if (flushIn >= 0) {
            try {
                scheduler.schedule(() -> flush(key), flushIn);
            } catch (RuntimeException e) { // no scheduler (shutting down): forget the draft, keep the slot usable
                synchronized (this) {
                    slots.remove(key);
                }
                throw e;
            }
            return;
        }
        send.run(); // a refusal propagates, and the window stays open for the next draft
        synchronized (this) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.passedOnce = true;
            slot.passedAt = clock.getAsLong();
        }
    }

    /**
     * The conversation's answer itself went out (a reply): a draft still held for it would only
     * arrive after the answer, so it is dropped.
     */
    public synchronized void discard(String key) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.held = null;
        }
    }

    private void flush(String key) {
        Runnable send;
        synchronized (this) {
            Slot slot = slots.get(key);
            if (slot == null) {
                return;
            }
            slot.flushScheduled = false;
            send = slot.held;
            slot.held = null;
            if (send == null) {
                return;
            }
            slot.passedOnce = true;
            slot.passedAt = clock.getAsLong(); // the window is taken before the relay, so no draft overtakes it
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.debugf("A held draft was not relayed: %s", e.toString());
        }
    }

    private void prune(long now) {
        if (slots.size() >= PRUNE_AT) {
            slots.values().removeIf(s -> !s.flushScheduled && s.held == null
                    && (!s.passedOnce || now - s.passedAt >= intervalNanos));
        }
    }

    /** How many conversations it remembers (for tests: the memory stays bounded). */
    synchronized int remembered() {
        return slots.size();
    }
}
