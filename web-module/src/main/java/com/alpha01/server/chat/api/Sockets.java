package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.DraftThrottle;
import com.alpha01.server.platform.RateLimiter;
import com.alpha01.server.platform.TypingThrottle;
import com.alpha01.server.platform.api.Correlation;
import jakarta.ejb.EJBException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;

/** What both socket endpoints do alike: decode a frame, turn failures into error frames, close politely. */
final class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class);

    /** Milliseconds a socket may stay silent before the server closes it (peers ping every 25 s). */
    static final long IDLE_TIMEOUT_MS = 120_000;
    private static final String IDLE_LIMIT = "alpha01.idleLimit";
    private static final String LAST_ACTIVE = "alpha01.lastActive";

    @FunctionalInterface
    interface Handler {
        void handle(Frame frame) throws Exception;
    }

    private Sockets() {
    }

    static final String LIMITER = "alpha01.rate-limiter";

    static final String LAST_HEARD = "alpha01.last-heard";

    static final String TYPING = "alpha01.typing-throttle";

    static void prepare(Session session, RateLimiter limiter) {
        session.setMaxTextMessageBufferSize(CloseCodes.MAX_FRAME_BYTES);
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
        session.getUserProperties().put(LIMITER, limiter);
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

    static java.time.Instant lastHeard(Session session) {
        Object at = session.getUserProperties().get(LAST_HEARD);
        return at instanceof java.time.Instant i ? i : java.time.Instant.now();
    }

    /** Frames a customer socket may send: a burst of 20, then 5 a second. */
    static RateLimiter customerLimit() {
        return RateLimiter.perSocket(20, 5);
    }

    /**
     * Frames a merchant client may send: it answers and acknowledges for a whole shop, in bursts when
     * conversations are handed to it; a burst of 1000, then 200 a second.
     */
    static RateLimiter clientLimit() {
        return RateLimiter.perSocket(1000, 200);
    }

    /** Refusals in a row after which a flooding socket is closed (1008). */
    static final int FLOOD_CLOSE_AFTER = 50;

    /**
     * Decodes and handles one frame; any failure becomes an error frame, and the socket stays open.
     * Frames over the socket's rate are refused with {@code RATE_LIMITED} before they are even
     * decoded (nothing is stored); a peer that keeps on flooding is closed with the policy code.
     */
    static void dispatch(Session session, SessionChannel channel, String text, Handler handler) {
        heard(session);
        RateLimiter limiter = (RateLimiter) session.getUserProperties().get(LIMITER);
        if (limiter != null && !limiter.tryAcquire()) {
            if (limiter.refusedInARow() >= FLOOD_CLOSE_AFTER) {
                LOG.infof("Socket %s closed for flooding", session.getId());
                close(session, CloseCodes.POLICY, "too many frames");
            } else if (limiter.refusedInARow() == 1 || limiter.refusedInARow() % 10 == 0) {
                channel.send(FrameCodec.encode(new Frame.Error(ErrorCode.RATE_LIMITED,
                        "too many frames; slow down", null)));
            }
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (ProtocolException e) {
            channel.send(FrameCodec.encode(e.toFrame()));
            return;
        }
        String ref = frame instanceof Frame.Send s ? s.id() : frame instanceof Frame.Reply r ? r.id() : null;
        try {
            if (frame instanceof Frame.Ping ping) {
                channel.send(FrameCodec.encode(new Frame.Pong(ping.nonce())));
            } else {
                handler.handle(frame);
            }
        } catch (DomainException e) {
            channel.send(FrameCodec.encode(new Frame.Error(e.code(), e.getMessage(), ref)));
        } catch (EJBException e) {
            if (e.getCause() instanceof DomainException d) {
                channel.send(FrameCodec.encode(new Frame.Error(d.code(), d.getMessage(), ref)));
            } else {
                serverError(channel, e, ref);
            }
        } catch (Exception e) {
            serverError(channel, e, ref);
        }
    }

    static void refuse(SessionChannel channel, Frame frame) {
        channel.send(FrameCodec.encode(new Frame.Error(ErrorCode.UNKNOWN_TYPE,
                "frame type '" + frame.type() + "' is not accepted on this socket", null)));
    }

    static void sendAll(SessionChannel channel, List<? extends Frame> frames) {
        frames.forEach(f -> channel.send(FrameCodec.encode(f)));
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

    private static void serverError(SessionChannel channel, Exception e, String ref) {
        String id = Correlation.newId();
        LOG.errorf(e, "Frame handling failed on socket %s [correlationId=%s]", channel.id(), id);
        channel.send(FrameCodec.encode(new Frame.Error(ErrorCode.SERVER_ERROR,
                "internal error, correlationId " + id, ref)));
    }
}
