package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.ArrayDeque;
import org.jboss.logging.Logger;

/**
 * One socket's outgoing frames, written one at a time with the container's asynchronous send so that
 * nobody who sends ever waits for the peer. A peer that stops reading (its network stalled: bytes held,
 * nobody told) used to block every thread that sent to it — the relay's consumers, the sweeps, the
 * heartbeat — until the whole node handled its frames minutes late (the long fault run). Now what it does
 * not read waits here, up to {@link #MAX_CHARS} characters or {@link #MAX_FRAMES} frames; past that the
 * socket is closed at once with {@link CloseCodes#TOO_SLOW} (no close frame: it would not be read either)
 * and the peer, when it is back, reconnects and catches up from PostgreSQL as after any drop.
 */
final class SendQueue {

    private static final Logger LOG = Logger.getLogger(SendQueue.class);
    private static final String KEY = "alpha01.sendQueue";

    /** What may wait for one peer: far above a busy merchant client's backlog, far below a node's memory. */
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_FRAMES = 4000;

    /** Writes one frame; calls {@code done} with the outcome, now or later, on any thread. */
    interface Writer {
        void write(String frame, java.util.function.Consumer<Boolean> done);
    }

    private final Writer writer;
    private final Runnable closeTooSlow;
    private final String name;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private long chars;
    private boolean inFlight;
    private boolean closed;

    SendQueue(Writer writer, Runnable closeTooSlow, String name) {
        this.writer = writer;
        this.closeTooSlow = closeTooSlow;
        this.name = name;
    }

    /** The queue of {@code session} (one per socket, whatever channel object sends). */
    static SendQueue of(Session session) {
        synchronized (session) {
            return (SendQueue) session.getUserProperties().computeIfAbsent(KEY, k -> new SendQueue(
                    (frame, done) -> session.getAsyncRemote().sendText(frame, (SendResult r) -> done.accept(r.isOK())),
                    () -> forceClose(session), session.getId()));
        }
    }

    /**
     * Queues {@code frame} and returns at once: false when the socket is closed, or when it was too far behind
     * and has just been closed for it.
     */
    boolean offer(String frame) {
        String first = null;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (waiting.size() >= MAX_FRAMES || chars + frame.length() > MAX_CHARS) {
                closed = true;
                waiting.clear();
                chars = 0;
            } else {
                waiting.add(frame);
                chars += frame.length();
                if (inFlight) {
                    return true;
                }
                inFlight = true;
                first = take();
                frame = null;
            }
        }
        if (frame != null) {
            LOG.infof("Socket %s does not read what it is sent (over %d frames or %d characters waiting): closed %d",
                    name, MAX_FRAMES, MAX_CHARS, CloseCodes.TOO_SLOW);
            closeTooSlow.run();
            return false;
        }
        pump(first);
        return true;
    }

    /** Frames waiting, the one being written included. */
    synchronized int backlog() {
        return waiting.size() + (inFlight ? 1 : 0);
    }

    /** Writes frames until one completes later (its completion goes on) or none is left; never recursive. */
    private void pump(String frame) {
        while (frame != null) {
            Pending p = new Pending();
            try {
                writer.write(frame, ok -> completed(p, ok));
            } catch (RuntimeException e) { // closed meanwhile, or a send the container refused
                completed(p, false);
            }
            synchronized (this) {
                if (!p.done) {
                    p.later = true; // the completion takes the next one
                    return;
                }
                if (!p.ok) {
                    return;
                }
                frame = take();
            }
        }
    }

    private void completed(Pending p, boolean ok) {
        String next;
        synchronized (this) {
            if (p.done) {
                return;
            }
            p.done = true;
            p.ok = ok;
            if (!ok) {
                closed = true;
                waiting.clear();
                chars = 0;
                inFlight = false;
                return;
            }
            if (!p.later) {
                return; // completed inside write(): the pump loop goes on
            }
            next = take();
        }
        pump(next);
    }

    /** The next frame to write, or null (then nothing is in flight). Holding the lock. */
    private String take() {
        String next = waiting.poll();
        if (next == null) {
            inFlight = false;
        } else {
            chars -= next.length();
        }
        return next;
    }

    private static final class Pending {
        boolean done;
        boolean ok;
        boolean later;
    }

    /** Closed without a close frame: the peer reads nothing, so one would only wait in the buffer too. */
    static void forceClose(Session session) {
        try {
            // Undertow's session can drop its connection outright; looked up by name, as the deployment does
            // not link against Undertow's WebSocket module.
            session.getClass().getMethod("forceClose").invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Socket %s: no forced close (%s); closing it the usual way", session.getId(), e.toString());
            Sockets.close(session, CloseCodes.TOO_SLOW, "not reading");
        }
    }
}
