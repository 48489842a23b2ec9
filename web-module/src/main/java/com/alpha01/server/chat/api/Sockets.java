package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.application.pacing.DraftThrottle;
import com.alpha01.server.chat.application.pacing.RateLimiter;
import com.alpha01.server.chat.application.pacing.TypingThrottle;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * What both socket endpoints do alike with their session: limits, pacing and liveness kept in the
 * session's properties, the frame dispatch ({@link FrameDispatch}), query parameters, and closing
 * politely.
 */
final class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class);

    /** Milliseconds a socket may stay silent before the server closes it (peers ping every 25 s). */
    static final long IDLE_TIMEOUT_MS = 120_000;
    private static final String IDLE_LIMIT = "alpha01.idleLimit";
    private static final String LAST_ACTIVE = "alpha01.lastActive";

    private Sockets() {
    }

    static final String DISPATCH = "alpha01.dispatch";

    static final String LAST_HEARD = "alpha01.last-heard";

    static final String TYPING = "alpha01.typing-throttle";

    /**
     * Sets up a new socket's session; {@code kind} ({@code client} or {@code customer}) names it in the
     * metrics, where every error frame it is sent counts by code and every frame over its rate by kind.
     */
    static void prepare(Session session, RateLimiter limiter, boolean closesFloods, String kind, Meters meters) {
        session.setMaxTextMessageBufferSize(CloseCodes.MAX_FRAME_BYTES);
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
        SessionChannel channel = new SessionChannel(session);
        Consumer<Frame> reply = frame -> {
            if (frame instanceof Frame.Error error) {
                meters.refused(error.code().name());
            }
            channel.sendFrame(frame);
        };
        session.getUserProperties().put(DISPATCH, new FrameDispatch(channel.id(), limiter, reply,
                code -> close(session, code, "too many frames"), closesFloods, DispatchLag.node())
                .onPeerActivity(() -> active(session))
                .onRateLimited(() -> meters.rateLimited(kind + "_frames")));
        session.getUserProperties().put(TYPING, TypingThrottle.perSocket());
        heard(session);
    }

    /**
     * A typing frame the peer may send: relayed through {@code relay} (which refuses another
     * conversation's id) unless the socket's {@link TypingThrottle} drops it. A dropped frame gets no
     * answer and is no refusal: it does not count toward closing a flooding socket.
     */
    static void typing(Session session, Frame.Typing frame, Runnable relay) {
        TypingThrottle throttle = (TypingThrottle) session.getUserProperties().get(TYPING);
        if (throttle.allows(frame.conversationId(), frame.typing())) {
            relay.run();
            throttle.passed(frame.conversationId(), frame.typing());
        }
    }

    static final String DRAFTS = "alpha01.draft-throttle";

    /**
     * A client socket thins its drafts (five a second per conversation, the newest wins); held ones
     * go out on {@code scheduler}.
     */
    static void thinDrafts(Session session, DraftThrottle.Scheduler scheduler) {
        session.getUserProperties().put(DRAFTS, DraftThrottle.perSocket(scheduler));
    }

    /**
     * A draft the client sent: relayed through {@code relay} (which refuses another conversation's
     * id) at once, or held by the socket's {@link DraftThrottle} and relayed when the conversation's
     * window opens, if the socket is still open then. A refusal of a draft relayed at once is answered
     * like any refusal; thinning is not answered at all.
     */
    static void draft(Session session, Frame.Draft frame, Runnable relay) {
        DraftThrottle throttle = (DraftThrottle) session.getUserProperties().get(DRAFTS);
        throttle.offer(frame.conversationId(), () -> {
            if (session.isOpen()) {
                relay.run();
            }
        });
    }

    /** The client answered in this conversation: a draft still held for it is dropped (the answer replaces it). */
    static void answered(Session session, String conversationId) {
        if (session.getUserProperties().get(DRAFTS) instanceof DraftThrottle throttle) {
            throttle.discard(conversationId);
        }
    }

    /**
     * The socket is closed with {@link CloseCodes#IDLE} once its peer has done nothing of its own
     * ({@link #active}) for {@code limit}; checked with the heartbeat.
     */
    static void idleAfter(Session session, java.time.Duration limit) {
        session.getUserProperties().put(IDLE_LIMIT, limit);
        active(session);
    }

    /** The peer did something of its own (not a pong or an automatic receipt). */
    static void active(Session session) {
        session.getUserProperties().put(LAST_ACTIVE, java.time.Instant.now());
    }

    /** True when the socket has an idle limit and its peer has been inactive for longer. */
    static boolean idle(Session session) {
        Object limit = session.getUserProperties().get(IDLE_LIMIT);
        Object last = session.getUserProperties().get(LAST_ACTIVE);
        return limit instanceof java.time.Duration d && last instanceof java.time.Instant at
                && at.isBefore(java.time.Instant.now().minus(d));
    }

    /** The peer showed it is alive (a pong, or any frame). */
    static void heard(Session session) {
        session.getUserProperties().put(LAST_HEARD, java.time.Instant.now());
    }

    /** A pong: the peer is alive, and the echoed ping tells how late this node hears it ({@link DispatchLag}). */
    static void pong(Session session, java.nio.ByteBuffer payload) {
        heard(session);
        DispatchLag.node().pong(payload);
    }

    static java.time.Instant lastHeard(Session session) {
        Object at = session.getUserProperties().get(LAST_HEARD);
        return at instanceof java.time.Instant i ? i : java.time.Instant.now();
    }

    /** Frames a customer socket may send: a burst of 20, then 5 a second. */
    static RateLimiter customerLimit() {
        return customerLimit(System::nanoTime);
    }

    static RateLimiter customerLimit(LongSupplier nanoClock) {
        return new RateLimiter(20, 5, nanoClock);
    }

    /**
     * Frames a merchant client may send: it answers and acknowledges for a whole shop, in bursts when
     * conversations are handed to it; a burst of 1000, then 200 a second.
     */
    static RateLimiter clientLimit() {
        return clientLimit(System::nanoTime);
    }

    static RateLimiter clientLimit(LongSupplier nanoClock) {
        return new RateLimiter(1000, 200, nanoClock);
    }

    /**
     * Decodes and handles one frame through the socket's {@link FrameDispatch}; any failure becomes
     * an error frame, and the socket stays open.
     */
    static void dispatch(Session session, String text, FrameDispatch.Handler handler) {
        if (tooBig(text)) {
            close(session, CloseCodes.TOO_BIG, "frame larger than 16 KiB");
            return;
        }
        heard(session);
        ((FrameDispatch) session.getUserProperties().get(DISPATCH)).dispatch(text, handler);
    }

    /**
     * Whether a text frame is over {@link CloseCodes#MAX_FRAME_BYTES} in UTF-8 (the container does not
     * hold whole messages to the session's buffer size, so the endpoints check before anything else).
     */
    static boolean tooBig(String text) {
        // A UTF-16 unit is at most 3 bytes in UTF-8: a short frame needs no counting.
        if (text.length() <= CloseCodes.MAX_FRAME_BYTES / 3) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            bytes += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
        }
        return bytes > CloseCodes.MAX_FRAME_BYTES;
    }

    /** A binary frame: the protocol is JSON text only, so the socket is closed with 1003. */
    static void binary(Session session) {
        close(session, CloseCodes.BAD_PAYLOAD, "text frames only");
    }

    /** The first value of a query parameter. */
    static Optional<String> parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A customer page's {@code ?since=<seq>}: empty when absent, malformed or negative. */
    static OptionalLong since(Optional<String> value) {
        try {
            long since = Long.parseLong(value.orElse(""));
            return since >= 0 ? OptionalLong.of(since) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** An endpoint's {@code @OnError}: a broken connection is routine (DEBUG), anything else an ERROR. */
    static void failed(Logger log, String kind, Session session, Throwable t) {
        if (t instanceof IOException) {
            log.debugf("%s socket %s: %s", kind, session.getId(), t.toString());
        } else {
            log.errorf(t, "%s socket %s failed", kind, session.getId());
        }
    }

    static void close(Session session, int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException e) {
            LOG.debugf("Closing socket %s: %s", session.getId(), e.getMessage());
        }
    }
}
