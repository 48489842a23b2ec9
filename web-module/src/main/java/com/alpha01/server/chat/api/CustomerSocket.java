package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.CustomerEntryService;
import com.alpha01.server.chat.application.PeerRegistry;
import com.alpha01.server.chat.application.TypingService;
import com.alpha01.server.platform.error.DomainException;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code /ws/customer?ticket=…}: a customer's browser tab. The one-time ticket from the signed-in
 * session API decides the customer and conversation; without a valid one the socket is closed
 * with 1008 (policy). On open the recent history is sent.
 */
@ServerEndpoint("/ws/customer")
public class CustomerSocket {

    private static final Logger LOG = Logger.getLogger(CustomerSocket.class);
    private static final String GRANT = "alpha01.grant";
    private static final int HISTORY = 50;

    @Inject
    CustomerEntryService entry;

    @Inject
    PeerRegistry peers;

    @Inject
    ChatService chat;

    @Inject
    TypingService typing;

    @OnOpen
    public void open(Session session) {
        Sockets.prepare(session, Sockets.customerLimit());
        Sockets.idleAfter(session, ServerConfig.customerIdle());
        List<String> tickets = session.getRequestParameterMap().get("ticket");
        Optional<CustomerEntryService.Grant> grant = tickets == null || tickets.isEmpty() ? Optional.empty()
                : entry.redeem(tickets.get(0));
        if (grant.isEmpty()) {
            Sockets.close(session, CloseCodes.POLICY, "sign in and open the chat from the QR code");
            return;
        }
        UUID conversationId = grant.get().conversationId();
        session.getUserProperties().put(GRANT, grant.get());
        SessionChannel channel = new SessionChannel(session);
        peers.attachCustomer(conversationId, channel);
        ChatService.ConversationView view = chat.describe(conversationId);
        channel.send(FrameCodec.encode(new Frame.Welcome(session.getId(), view.merchantId().toString(),
                view.merchantName(), conversationId.toString())));
        // A reconnecting page says what it holds (?since=<seq>) and gets only what came after; a new one the latest 50.
        OptionalLong since = sinceParameter(session);
        Sockets.sendAll(channel, (since.isPresent() ? chat.since(conversationId, since.getAsLong())
                : chat.recent(conversationId, HISTORY)).stream().map(m -> m.toFrame(null)).toList());
        channel.send(FrameCodec.encode(new Frame.State(conversationId.toString(), view.state(), null)));
        LOG.debugf("Customer socket %s opened on conversation %s", session.getId(), conversationId);
    }

    private static OptionalLong sinceParameter(Session session) {
        List<String> values = session.getRequestParameterMap().get("since");
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long since = Long.parseLong(values.get(0));
            return since >= 0 ? OptionalLong.of(since) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        CustomerEntryService.Grant grant = (CustomerEntryService.Grant) session.getUserProperties().get(GRANT);
        if (grant == null) {
            return;
        }
        SessionChannel channel = new SessionChannel(session);
        Sockets.dispatch(session, channel, text, frame -> {
            if (frame instanceof Frame.Send send) {
                Sockets.active(session);
                ChatService.Accepted accepted = chat.acceptFromCustomer(grant.conversationId(),
                        grant.customerSubject(), send);
                channel.send(FrameCodec.encode(accepted.ack(send.id())));
            } else if (frame instanceof Frame.Resume r) {
                if (!r.conversationId().equals(grant.conversationId().toString())) {
                    throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
                }
                Sockets.sendAll(channel, chat.since(grant.conversationId(), r.lastSeq()).stream()
                        .map(m -> m.toFrame(null)).toList());
            } else if (frame instanceof Frame.Delivered d) {
                if (!d.conversationId().equals(grant.conversationId().toString())) {
                    throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
                }
                chat.deliveredToCustomer(grant.customerSubject(), grant.conversationId(), d.seq());
            } else if (frame instanceof Frame.Read r) {
                Sockets.active(session);
                if (!r.conversationId().equals(grant.conversationId().toString())) {
                    throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
                }
                chat.readByCustomer(grant.customerSubject(), grant.conversationId(), r.seq());
            } else if (frame instanceof Frame.Typing t) {
                Sockets.active(session);
                if (!t.conversationId().equals(grant.conversationId().toString())) {
                    throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
                }
                Sockets.typing(session, t, () -> typing.fromCustomer(grant.customerSubject(), grant.conversationId(),
                        t.typing()));
            } else {
                Sockets.refuse(channel, frame);
            }
        });
    }

    /** Answer to the heartbeat's ping. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        Sockets.heard(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        CustomerEntryService.Grant grant = (CustomerEntryService.Grant) session.getUserProperties().get(GRANT);
        if (grant != null) {
            peers.detachCustomer(grant.conversationId(), new SessionChannel(session));
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        if (t instanceof java.io.IOException) {
            LOG.debugf("Customer socket %s: %s", session.getId(), t.toString());
        } else {
            LOG.errorf(t, "Customer socket %s failed", session.getId());
        }
    }
}
