package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.application.PeerChannel;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A WebSocket session as a {@link PeerChannel}: what the use cases send is mapped to its wire frame
 * ({@link FrameMapper}) and encoded here. Sends go through the socket's {@link SendQueue}: one at a time, and
 * nobody waits for a peer that does not read.
 */
final class SessionChannel implements PeerChannel {

    private static final Logger LOG = Logger.getLogger(SessionChannel.class);

    /** Socket ids name their node, so they are unique across the cluster. */
    private static final String NODE = ServerConfig.nodeName();

    /** Set on a socket the heartbeat has asked to close. */
    private static final String CLOSING = "alpha01.closing";

    private final Session session;

    SessionChannel(Session session) {
        this.session = session;
    }

    @Override
    public String id() {
        return NODE + "/" + session.getId();
    }

    @Override
    public boolean send(Outbound outbound) {
        return sendFrame(FrameMapper.frame(outbound));
    }

    /** Sends a frame only the edge makes (ack, error, pong). */
    boolean sendFrame(Frame frame) {
        return sendText(FrameCodec.encode(frame));
    }

    /** Queued for the socket, never waiting for the peer ({@link SendQueue}). */
    private boolean sendText(String frame) {
        return session.isOpen() && SendQueue.of(session).offer(frame);
    }

    @Override
    public boolean probe(Duration deadAfter) {
        if (!session.isOpen()) {
            return false;
        }
        Instant heard = Sockets.lastHeard(session);
        // An overloaded node hears every pong late: that lag is not the peer's silence.
        if (heard.isBefore(Instant.now().minus(deadAfter).minus(DispatchLag.node().recent()))) {
            if (session.getUserProperties().putIfAbsent(CLOSING, Boolean.TRUE) == null) {
                LOG.infof("Socket %s silent since %s: closing", id(), heard);
                close(CloseCodes.HEARTBEAT_LOST, "no heartbeat");
            } else {
                // Told to close at an earlier sweep and still open: its peer does not even read the close frame
                // (a stalled network). The connection is dropped, so it is not found open again at every sweep.
                LOG.infof("Socket %s did not close: dropping its connection", id());
                SendQueue.forceClose(session);
            }
            return false;
        }
        if (Sockets.idle(session)) {
            LOG.debugf("Socket %s idle: closing", id());
            close(CloseCodes.IDLE, "idle");
            return false;
        }
        try {
            // Asynchronous: a peer that stopped reading must not hold the heartbeat's thread.
            session.getAsyncRemote().sendPing(DispatchLag.node().pingPayload());
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            LOG.debugf("Ping on socket %s failed: %s", id(), e.getMessage());
        }
        return true;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close(int code, String reason) {
        Sockets.close(session, code, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionChannel other && other.session.getId().equals(session.getId());
    }

    @Override
    public int hashCode() {
        return session.getId().hashCode();
    }
}
