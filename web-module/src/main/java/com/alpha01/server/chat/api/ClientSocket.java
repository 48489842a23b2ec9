package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.DeliveryService;
import com.alpha01.server.chat.application.DraftService;
import com.alpha01.server.chat.application.PeerRegistry;
import com.alpha01.server.chat.application.Presence;
import com.alpha01.server.chat.application.Relay;
import com.alpha01.server.chat.application.TypingService;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.EJBException;
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
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code /ws/client?client_id=…}: the merchant client's socket. The handshake carries the staff
 * member's bearer token (checked by WildFly through web.xml); here the client must belong to the
 * token's merchant. On open, undelivered customer messages are replayed.
 */
@ServerEndpoint("/ws/client")
public class ClientSocket {

    private static final Logger LOG = Logger.getLogger(ClientSocket.class);
    private static final String CLIENT = "alpha01.clientId";
    private static final String STAFF_NAME = "alpha01.staffName";

    @Inject
    MerchantDirectory directory;

    @Inject
    PeerRegistry peers;

    @Inject
    ChatService chat;

    @Inject
    DeliveryService delivery;

    @Inject
    Presence presence;

    @Inject
    Relay relay;

    @Inject
    TypingService typing;

    @Inject
    DraftService drafts;

    @OnOpen
    public void open(Session session) {
        Sockets.prepare(session, Sockets.clientLimit());
        Optional<Caller> staff = Callers.from(session.getUserPrincipal());
        List<String> ids = session.getRequestParameterMap().get("client_id");
        MerchantClient client;
        try {
            UUID clientId = UUID.fromString(ids == null || ids.isEmpty() ? "" : ids.get(0));
            client = directory.clientOf(staff.orElseThrow(), clientId);
        } catch (NoSuchElementException | IllegalArgumentException | DomainException e) {
            Sockets.close(session, CloseCodes.POLICY, "not a client of this merchant");
            return;
        } catch (EJBException e) {
            if (!(e.getCause() instanceof DomainException)) {
                LOG.error("Client socket refused on an unexpected failure", e);
            }
            Sockets.close(session, CloseCodes.POLICY, "not a client of this merchant");
            return;
        }
        SessionChannel channel = new SessionChannel(session);
        Sockets.thinDrafts(session, drafts.scheduler());
        session.getUserProperties().put(CLIENT, client.id());
        session.getUserProperties().put(STAFF_NAME, staff.get().displayName());
        peers.attachClient(client.id(), channel).ifPresent(old -> old.close(CloseCodes.REPLACED, "replaced"));
        presence.attached(client.id(), channel.id());
        relay.clientConnected(client.id(), channel.id()); // an older socket on another node closes
        channel.send(FrameCodec.encode(new Frame.Welcome(client.id().toString(), client.merchant().id().toString(),
                client.merchant().name(), null)));
        LOG.infof("Client %s connected (socket %s)", client.id(), session.getId());
        delivery.replayToClient(client.id());
    }

    @OnMessage
    public void message(Session session, String text) {
        UUID clientId = (UUID) session.getUserProperties().get(CLIENT);
        if (clientId == null) {
            return;
        }
        SessionChannel channel = new SessionChannel(session);
        Sockets.dispatch(session, channel, text, frame -> {
            if (frame instanceof Frame.Reply reply) {
                Sockets.answered(session, reply.conversationId());
                channel.send(FrameCodec.encode(chat.acceptFromClient(clientId, reply).ack(reply.id())));
            } else if (frame instanceof Frame.Delivered d) {
                chat.deliveredToClient(clientId, UUID.fromString(d.conversationId()), d.seq());
            } else if (frame instanceof Frame.Read r) {
                chat.readByClient(clientId, UUID.fromString(r.conversationId()), r.seq());
            } else if (frame instanceof Frame.Typing t) {
                Sockets.typing(session, t, () -> typing.fromClient(clientId, UUID.fromString(t.conversationId()),
                        t.typing()));
            } else if (frame instanceof Frame.Draft d) {
                Sockets.draft(session, d, () -> drafts.fromClient(clientId, d));
            } else if (frame instanceof Frame.Resume resume) {
                var c = chat.ofClientsMerchant(clientId, UUID.fromString(resume.conversationId()));
                Sockets.sendAll(channel, chat.since(c.id(), resume.lastSeq()).stream()
                        .map(m -> m.toFrame(c.customerName())).toList());
            } else if (frame instanceof Frame.Control control) {
                ChatService.StateChange change = chat.control(clientId, control,
                        (String) session.getUserProperties().get(STAFF_NAME));
                String state = FrameCodec.encode(change.frame());
                channel.send(state);
                relay.toCustomers(change.conversationId(), state);
                if (change.previousClientId() != null && !change.previousClientId().equals(clientId)) {
                    relay.toClient(change.previousClientId(), state);
                }
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
        UUID clientId = (UUID) session.getUserProperties().get(CLIENT);
        SessionChannel channel = new SessionChannel(session);
        if (clientId != null && peers.detachClient(clientId, channel)) {
            presence.detached(clientId, channel.id());
            LOG.infof("Client %s disconnected (%s)", clientId, reason.getCloseCode());
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        if (t instanceof java.io.IOException) {
            LOG.debugf("Client socket %s: %s", session.getId(), t.toString());
        } else {
            LOG.errorf(t, "Client socket %s failed", session.getId());
        }
    }
}
