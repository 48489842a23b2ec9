package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import com.alpha01.server.chat.application.pacing.RateLimiter;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.api.Correlation;
import com.alpha01.server.platform.api.Outages;
import jakarta.ejb.EJBException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * One socket's inbound frames, without the socket: rate-limited, decoded, answered when they are
 * pings, handed to the endpoint's handler; every failure becomes an error frame and the socket
 * stays open. Frames over the socket's rate are refused with {@code RATE_LIMITED} before they are
 * even decoded (the first refusal and every tenth after are answered); a peer that keeps on
 * flooding is closed with the policy code, once (one log line). Used under the socket's serial message delivery.
 */
final class FrameDispatch {

    private static final Logger LOG = Logger.getLogger(FrameDispatch.class);

    /** Refusals in a row after which a flooding socket is closed (1008). */
    static final int FLOOD_CLOSE_AFTER = 50;

    @FunctionalInterface
    interface Handler {
        void handle(Frame frame) throws Exception;
    }

    private final String socketId;
    private final RateLimiter limiter;
    private final Consumer<Frame> reply;
    private final IntConsumer close;
    private final boolean closesFloods;
    private final NodeLoad load;
    /** Closed by this dispatch (flooding, or the server stopping): what still arrives is dropped. */
    private boolean closedForFlooding;
    private Runnable peerActivity = () -> { };
    private Runnable rateLimited = () -> { };

    /**
     * @param reply sends a frame back to this socket's peer
     * @param close closes the socket with a code from {@link CloseCodes}
     */
    /** How busy this node is, as the dispatch needs to know it (the node's: {@link DispatchLag}). */
    interface NodeLoad {
        /** A node with nothing queued. */
        NodeLoad IDLE = new NodeLoad() {
            @Override
            public boolean lagging() {
                return false;
            }

            @Override
            public boolean shedding() {
                return false;
            }
        };

        /** Frames are handled late: a backlog handled at once is no flood of the peer's. */
        boolean lagging();

        /** So late that new customer questions are refused for now. */
        boolean shedding();
    }

    FrameDispatch(String socketId, RateLimiter limiter, Consumer<Frame> reply, IntConsumer close) {
        this(socketId, limiter, reply, close, true, NodeLoad.IDLE);
    }

    /**
     * @param closesFloods whether a flood closes the socket: false for merchant clients (their frames over
     *                     the rate are only refused, and resent); never while the node is lagging
     * @param load         the node's backlog: a lagging node closes no socket for flooding, a shedding one
     *                     refuses new customer questions with {@code UNAVAILABLE}
     */
    FrameDispatch(String socketId, RateLimiter limiter, Consumer<Frame> reply, IntConsumer close, boolean closesFloods,
                  NodeLoad load) {
        this.socketId = socketId;
        this.limiter = limiter;
        this.reply = reply;
        this.close = close;
        this.closesFloods = closesFloods;
        this.load = load;
    }

    /**
     * {@code activity} runs for every frame that is the peer's own doing ({@code send}, {@code read},
     * {@code typing}; not receipts or pings), before it may be refused for the node's load: a customer
     * whose questions are refused for now is not idle (the socket's idle close, {@link Sockets#idle}).
     */
    FrameDispatch onPeerActivity(Runnable activity) {
        this.peerActivity = activity;
        return this;
    }

    /** {@code counter} runs for every frame over the socket's rate, answered or not (the metrics count them). */
    FrameDispatch onRateLimited(Runnable counter) {
        this.rateLimited = counter;
        return this;
    }

    void dispatch(String text, Handler handler) {
        if (closedForFlooding) {
            return; // frames already on their way when the socket was closed: dropped, not logged
        }
        if (!limiter.tryAcquire()) {
            rateLimited.run();
            int refused = limiter.refusedInARow();
            if (refused >= FLOOD_CLOSE_AFTER && closesFloods && !load.lagging()) {
                closedForFlooding = true;
                LOG.infof("Socket %s closed for flooding", socketId);
                close.accept(CloseCodes.POLICY);
            } else if (refused == 1 || refused % 10 == 0) {
                reply.accept(new Frame.Error(ErrorCode.RATE_LIMITED, "too many frames; slow down", null));
            }
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (ProtocolException e) {
            reply.accept(e.toFrame());
            return;
        }
        if (frame instanceof Frame.Send || frame instanceof Frame.Read || frame instanceof Frame.Typing) {
            peerActivity.run();
        }
        String ref = frame instanceof Frame.Send s ? s.id() : frame instanceof Frame.Reply r ? r.id() : null;
        if (frame instanceof Frame.Send && load.shedding()) {
            reply.accept(new Frame.Error(ErrorCode.UNAVAILABLE, "the server is busy; resend this in a few seconds", ref));
            return;
        }
        try {
            if (frame instanceof Frame.Ping ping) {
                reply.accept(new Frame.Pong(ping.nonce()));
            } else {
                handler.handle(frame);
            }
        } catch (Exception e) {
            if (Outages.serverStopping(e)) {
                // The application is being stopped under this socket: close it as going away (the peer
                // reconnects, to another node or after the restart), once, and drop what is still queued.
                closedForFlooding = true;
                LOG.debugf("Socket %s closed: the server is stopping", socketId);
                close.accept(CloseCodes.GOING_AWAY);
                return;
            }
            reply.accept(error(e, ref));
        }
    }

    /** The answer to a frame whose handling failed: a business rule's own code, else SERVER_ERROR with a correlation id. */
    Frame.Error error(Exception e, String ref) {
        DomainException refusal = e instanceof DomainException d ? d
                : e instanceof EJBException && e.getCause() instanceof DomainException d ? d : null;
        if (refusal != null) {
            return new Frame.Error(refusal.code(), refusal.getMessage(), ref);
        }
        if (Outages.storageUnavailable(e)) {
            Outages.note(e);
            return new Frame.Error(ErrorCode.UNAVAILABLE, "the server cannot store this now; resend it in a few seconds",
                    ref);
        }
        String id = Correlation.newId();
        LOG.errorf(e, "Frame handling failed on socket %s [correlationId=%s]", socketId, id);
        return new Frame.Error(ErrorCode.SERVER_ERROR, "internal error, correlationId " + id, ref);
    }

    /** The answer to a frame of a type this socket does not accept. */
    static Frame.Error unknownType(Frame frame) {
        return new Frame.Error(ErrorCode.UNKNOWN_TYPE, "frame type '" + frame.type() + "' is not accepted on this socket",
                null);
    }
}
