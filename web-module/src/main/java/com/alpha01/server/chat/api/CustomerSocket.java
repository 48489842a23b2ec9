package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.CustomerConnections;
import com.alpha01.server.chat.application.DeliveryService;
import com.alpha01.server.chat.application.CustomerEntryService;
import com.alpha01.server.chat.application.Receipts;
import com.alpha01.server.chat.application.Ratings;
import com.alpha01.server.chat.application.TypingService;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.metrics.Meters;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code /ws/customer?ticket=…[&since=…]}: a customer's browser tab. The one-time ticket from the
 * signed-in session API decides the customer and conversation; without a valid one the socket is
 * closed with 1008 (policy). Decodes frames, checks they name the tab's own conversation, and
 * delegates ({@link CustomerConnections} on open and close).
 */
@ServerEndpoint("/ws/customer")
public class CustomerSocket {

    private static final Logger LOG = Logger.getLogger(CustomerSocket.class);
    private static final String GRANT = "alpha01.grant";

    @Inject
    Meters meters;

    @Inject
    CustomerConnections connections;

    @Inject
    ChatService chat;

    @Inject
    DeliveryService delivery;

    @Inject
    Receipts receipts;

    @Inject
    TypingService typing;

    @Inject
    Ratings ratings;

    @OnOpen
    public void open(Session session) {
        Sockets.prepare(session, Sockets.customerLimit(), true, "customer", meters);
        Sockets.idleAfter(session, ServerConfig.customerIdle());
        // A reconnecting page says what it holds (?since=<seq>) and gets only what came after; a new one the latest 50.
        Optional<CustomerEntryService.Grant> grant = connections.connect(Sockets.parameter(session, "ticket").orElse(null),
                Sockets.since(Sockets.parameter(session, "since")), session.getId(), new SessionChannel(session));
        if (grant.isEmpty()) {
            if (session.isOpen()) {
                Sockets.close(session, CloseCodes.POLICY, "sign in and open the chat from the QR code");
            }
            return;
        }
        session.getUserProperties().put(GRANT, grant.get());
    }

    @OnMessage
    public void message(Session session, String text) {
        CustomerEntryService.Grant grant = (CustomerEntryService.Grant) session.getUserProperties().get(GRANT);
        if (grant == null) {
            return;
        }
        SessionChannel channel = new SessionChannel(session);
        UUID conversationId = grant.conversationId();
        String subject = grant.customerSubject();
        Sockets.dispatch(session, text, frame -> {
            if (frame instanceof Frame.Send send) {
                ChatService.Accepted accepted = chat.acceptFromCustomer(conversationId, subject,
                        FrameMapper.question(send));
                channel.sendFrame(FrameMapper.ack(send.id(), accepted));
                delivery.route(accepted);
            } else if (frame instanceof Frame.Resume r) {
                own(grant, r.conversationId());
                chat.since(conversationId, r.lastSeq()).forEach(channel::send);
            } else if (frame instanceof Frame.Delivered d) {
                own(grant, d.conversationId());
                receipts.deliveredToCustomer(subject, conversationId, d.seq());
            } else if (frame instanceof Frame.Read r) {
                own(grant, r.conversationId());
                receipts.readByCustomer(subject, conversationId, r.seq());
            } else if (frame instanceof Frame.Typing t) {
                own(grant, t.conversationId());
                Sockets.typing(session, t, () -> typing.fromCustomer(subject, conversationId, t.typing()));
            } else if (frame instanceof Frame.Rate r) {
                own(grant, r.conversationId());
                ratings.rateAndTell(conversationId, subject, r.score(), r.comment());
            } else {
                channel.sendFrame(FrameDispatch.unknownType(frame));
            }
        });
    }

    /** A tab speaks only of its own conversation; any other id is "not found" (no hint that it exists). */
    private static void own(CustomerEntryService.Grant grant, String conversationId) {
        if (!conversationId.equals(grant.conversationId().toString())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
    }

    /** Binary frames are not part of the protocol: closed with 1003 (docs/protocol.md). */
    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        Sockets.binary(session);
    }

    /** Answer to the heartbeat's ping. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        Sockets.pong(session, pong.getApplicationData());
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        CustomerEntryService.Grant grant = (CustomerEntryService.Grant) session.getUserProperties().get(GRANT);
        if (grant != null) {
            connections.disconnect(grant, new SessionChannel(session));
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        Sockets.failed(LOG, "Customer", session, t);
    }
}
