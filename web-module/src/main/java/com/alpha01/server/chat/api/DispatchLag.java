package com.alpha01.server.chat.api;

import com.alpha01.server.chat.application.NodeBacklog;
import com.alpha01.server.platform.config.ServerConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * How far this node is behind its own sockets, read from the heartbeat: each ping carries the
 * moment it was sent, its pong echoes it (RFC 6455), and the time from one to the other is the
 * node's queue of unhandled frames (a socket's frames, pongs included, are handled in order, so an
 * overloaded node hears every pong late). The heartbeat adds the largest lag of the last
 * {@link #WINDOW} to its timeout: a busy node does not close healthy sockets as silent — which
 * would make every page and client reconnect exactly when the node has no time to spare — while a
 * peer that is gone still answers no ping at all and is closed.
 */
final class DispatchLag implements FrameDispatch.NodeLoad {

    private static final Logger LOG = Logger.getLogger(DispatchLag.class);

    /** How long an observed lag counts. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    /** Lags from this size up are worth a line in the log (at most one a minute). */
    static final Duration NOTABLE = Duration.ofSeconds(2);

    private final AtomicLong lastShedLogged;

    private static final DispatchLag NODE = new DispatchLag(System::nanoTime);

    static {
        NodeBacklog.measuredBy(NODE::recent); // the sweeps' resends wait for receipts queued behind it
    }

    private final LongSupplier nanoClock;
    /** The largest lag of the current window and of the one before, with the window's start. */
    private final AtomicLong windowStart;
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong previous = new AtomicLong();
    private final AtomicLong lastLogged;

    DispatchLag(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.windowStart = new AtomicLong(now);
        this.lastLogged = new AtomicLong(now - Duration.ofMinutes(1).toNanos());
        this.lastShedLogged = new AtomicLong(now - Duration.ofMinutes(1).toNanos());
    }

    /** Whether this node handles frames late enough that a backlog handled at once may look like a flood. */
    @Override
    public boolean lagging() {
        return recent().compareTo(NOTABLE) >= 0;
    }

    /**
     * Whether new customer questions are refused for now ({@code UNAVAILABLE}, resent by the page):
     * while this node handles its frames more than {@code ALPHA01_SHED_AFTER_SECONDS} late, taking on
     * more only lengthens the queue until sockets are lost (routing-3000); refused questions cost no
     * storage, and answers, receipts and pings still go through, so the backlog drains.
     */
    @Override
    public boolean shedding() {
        Duration lag = recent();
        if (lag.compareTo(ServerConfig.shedAfter()) <= 0) {
            return false;
        }
        long now = nanoClock.getAsLong();
        long logged = lastShedLogged.get();
        if (now - logged >= Duration.ofMinutes(1).toNanos() && lastShedLogged.compareAndSet(logged, now)) {
            LOG.warnf("Overloaded: frames are handled %d s late; new customer questions are refused with UNAVAILABLE "
                    + "(resent by the page) until the node catches up", lag.toSeconds());
        }
        return true;
    }

    /** This node's. */
    static DispatchLag node() {
        return NODE;
    }

    /** A ping's application data: the moment it is sent. */
    ByteBuffer pingPayload() {
        return ByteBuffer.allocate(Long.BYTES).putLong(0, nanoClock.getAsLong());
    }

    /** A pong arrived: its lag is observed when it echoes one of our pings (anything else is ignored). */
    void pong(ByteBuffer payload) {
        if (payload == null || payload.remaining() != Long.BYTES) {
            return;
        }
        long lag = nanoClock.getAsLong() - payload.getLong(payload.position());
        if (lag >= 0 && lag < Duration.ofHours(1).toNanos()) {
            observe(lag);
        }
    }

    void observe(long lagNanos) {
        roll();
        current.accumulateAndGet(lagNanos, Math::max);
        if (lagNanos >= NOTABLE.toNanos()) {
            long now = nanoClock.getAsLong();
            long logged = lastLogged.get();
            if (now - logged >= Duration.ofMinutes(1).toNanos() && lastLogged.compareAndSet(logged, now)) {
                LOG.warnf("This node handles its sockets' frames %d ms late (overloaded): the heartbeat waits that much longer",
                        Duration.ofNanos(lagNanos).toMillis());
            }
        }
    }

    /** The largest lag observed within the last {@link #WINDOW} (at least that long, at most two). */
    Duration recent() {
        roll();
        return Duration.ofNanos(Math.max(current.get(), previous.get()));
    }

    /** Starts a new window once the current one is {@link #WINDOW} old. */
    private void roll() {
        long now = nanoClock.getAsLong();
        long start = windowStart.get();
        if (now - start >= WINDOW.toNanos() && windowStart.compareAndSet(start, now)) {
            previous.set(now - start >= 2 * WINDOW.toNanos() ? 0 : current.get());
            current.set(0);
        }
    }
}
