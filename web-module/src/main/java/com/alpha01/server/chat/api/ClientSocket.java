package com.alpha01.server.chat.api;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.ClientReports;
import com.alpha01.server.chat.application.ClientConnections;
import com.alpha01.server.chat.application.ConversationStates;
import com.alpha01.server.chat.application.DeliveryService;
import com.alpha01.server.chat.application.DraftService;
import com.alpha01.server.chat.application.Receipts;
import com.alpha01.server.chat.application.TypingService;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.metrics.Meters;
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
import java.nio.ByteBuffer;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code /ws/client?client_id=…}: the merchant client's socket. The handshake carries the staff
 * member's bearer token (checked by WildFly through web.xml); the client must belong to the token's
 * merchant, else the socket is closed with 1008. Decodes frames and delegates each to its use case
 * ({@link ClientConnections} on open and close).
 */
@ServerEndpoint("/ws/client")
public class ClientSocket {

    private static final Logger LOG = Logger.getLogger(ClientSocket.class);
    private static final String CLIENT = "alpha01.clientId";
    private static final String STAFF_NAME = "alpha01.staffName";

    @Inject
    Meters meters;

    @Inject
    ClientConnections connections;

    @Inject
    ChatService chat;

    @Inject
    DeliveryService delivery;

    @Inject
    Receipts receipts;

    @Inject
    ConversationStates states;

    @Inject
    ClientReports reports;

    @Inject
    TypingService typing;

    @Inject
    DraftService drafts;

    @OnOpen
    public void open(Session session) {
        Sockets.prepare(session, Sockets.clientLimit(), false, "client", meters);
        SessionChannel channel = new SessionChannel(session);
        try {
            Caller staff = Callers.from(session.getUserPrincipal()).orElseThrow();
            UUID clientId = UUID.fromString(Sockets.parameter(session, "client_id").orElse(""));
            Sockets.thinDrafts(session, drafts.scheduler());
            session.getUserProperties().put(CLIENT, clientId);
            session.getUserProperties().put(STAFF_NAME, staff.displayName());
            connections.connect(staff, clientId, channel);
        } catch (NoSuchElementException | IllegalArgumentException | DomainException e) {
            refuse(session);
        } catch (EJBException e) {
            if (e.getCause() instanceof DomainException) {
                refuse(session);
            } else {
                // The client stays named, so closing detaches whatever the failed connect attached.
                LOG.error("Client socket refused on an unexpected failure", e);
                Sockets.close(session, CloseCodes.POLICY, "not a client of this merchant");
            }
        }
    }

    /** Not a client of the staff member's merchant: closed before any frame of it is read. */
    private static void refuse(Session session) {
        session.getUserProperties().remove(CLIENT);
        Sockets.close(session, CloseCodes.POLICY, "not a client of this merchant");
    }

    @OnMessage
    public void message(Session session, String text) {
        UUID clientId = (UUID) session.getUserProperties().get(CLIENT);
        if (clientId == null) {
            return;
        }
        SessionChannel channel = new SessionChannel(session);
        Sockets.dispatch(session, text, frame -> {
            if (frame instanceof Frame.Reply reply) {
                Sockets.answered(session, reply.conversationId());
                ChatService.Accepted accepted = chat.acceptFromClient(clientId,
                        FrameMapper.answer(reply, (String) session.getUserProperties().get(STAFF_NAME)));
                channel.sendFrame(FrameMapper.ack(reply.id(), accepted));
                delivery.route(accepted);
            } else if (frame instanceof Frame.Delivered d) {
                receipts.deliveredToClient(clientId, UUID.fromString(d.conversationId()), d.seq());
            } else if (frame instanceof Frame.Read r) {
                receipts.readByClient(clientId, UUID.fromString(r.conversationId()), r.seq());
            } else if (frame instanceof Frame.Typing t) {
                Sockets.typing(session, t, () -> typing.fromClient(clientId, UUID.fromString(t.conversationId()),
                        t.typing()));
            } else if (frame instanceof Frame.Draft d) {
                Sockets.draft(session, d, () -> drafts.fromClient(clientId, FrameMapper.draft(d)));
            } else if (frame instanceof Frame.Resume resume) {
                chat.sinceForClient(clientId, UUID.fromString(resume.conversationId()), resume.lastSeq())
                        .forEach(channel::send);
            } else if (frame instanceof Frame.Control control) {
                states.change(clientId, channel, UUID.fromString(control.conversationId()),
                        FrameMapper.action(control.action()), (String) session.getUserProperties().get(STAFF_NAME));
            } else if (frame instanceof Frame.Report report) {
                reports.accept(clientId, FrameMapper.activity(report));
            } else {
                channel.sendFrame(FrameDispatch.unknownType(frame));
            }
        });
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
        UUID clientId = (UUID) session.getUserProperties().get(CLIENT);
        if (clientId != null) {
            connections.disconnect(clientId, new SessionChannel(session), String.valueOf(reason.getCloseCode()));
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        Sockets.failed(LOG, "Client", session, t);
    }
}
