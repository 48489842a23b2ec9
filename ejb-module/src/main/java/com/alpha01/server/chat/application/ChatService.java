package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.infrastructure.DeliveryPublisher;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts messages (DESIGN.md flow 4): in one transaction the conversation is locked, the message
 * stored under the next sequence number (or found again, for a resend of the same sender id), and
 * a delivery published on JMS. The caller acknowledges only after this returns, so every
 * acknowledged message is in PostgreSQL and on its way.
 */
@Stateless
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryPublisher publisher;

    @Inject
    Relay relay;

    /** A stored message: its sequence number, and whether this call stored it (false for a resend). */
    public record Accepted(UUID conversationId, long seq, boolean stored) {
        public Frame.Ack ack(String senderId) {
            return new Frame.Ack(senderId, conversationId.toString(), seq);
        }
    }

    public Accepted acceptFromCustomer(UUID conversationId, String customerSubject, Frame.Send send) {
        Conversation c = lock(conversationId);
        if (!c.customerSubject().equals(customerSubject)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return store(c, Frame.Sender.CUSTOMER, send.id(), send.text(), null);
    }

    public Accepted acceptFromClient(UUID clientId, Frame.Reply reply) {
        Conversation c = lock(UUID.fromString(reply.conversationId()));
        if (!c.isAssignedTo(clientId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "conversation is not assigned to this client");
        }
        Frame.Sender sender = reply.sender() == null ? Frame.Sender.BOT : reply.sender();
        if (sender == Frame.Sender.CUSTOMER) {
            throw new DomainException(ErrorCode.BAD_FRAME, "a merchant client cannot write as the customer");
        }
        if (reply.inReplyTo() != null && reply.inReplyTo() > c.lastSeq()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "inReplyTo names a message that does not exist");
        }
        return store(c, sender, reply.id(), reply.text(), reply.inReplyTo());
    }

    /** The result of a staff action: the new state, who answers, and the client that held it before. */
    public record StateChange(UUID conversationId, String state, String by, UUID previousClientId) {
        public Frame.State frame() {
            return new Frame.State(conversationId.toString(), state, by);
        }
    }

    /**
     * Staff take over (from any client of the conversation's merchant; the conversation moves to
     * it), hand back, or close (only the client holding the conversation).
     */
    public StateChange control(UUID clientId, Frame.Control control, String staffName) {
        Conversation c = lock(UUID.fromString(control.conversationId()));
        MerchantClient client = em.find(MerchantClient.class, clientId);
        if (client == null || !client.merchant().id().equals(c.merchant().id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        UUID previous = c.client() == null ? null : c.client().id();
        Instant now = Instant.now();
        switch (control.action()) {
            case TAKEOVER -> c.takeOver(client, now);
            case HANDBACK, CLOSE -> {
                if (!c.isAssignedTo(clientId)) {
                    throw new DomainException(ErrorCode.FORBIDDEN, "conversation is not held by this client");
                }
                try {
                    if (control.action() == Frame.Action.HANDBACK) {
                        c.handBack(now);
                    } else {
                        c.close(now);
                    }
                } catch (IllegalStateException e) {
                    throw new DomainException(ErrorCode.CONFLICT, e.getMessage());
                }
            }
            default -> throw new DomainException(ErrorCode.UNKNOWN_TYPE, "unknown action");
        }
        LOG.infof("Conversation %s is %s after %s by client %s", c.id(), c.state(), control.action(), clientId);
        return new StateChange(c.id(), c.state().name(),
                c.state() == ConversationState.HUMAN ? staffName : null, previous);
    }

    /** Records that the receiver holds message {@code seq}; only the receiver of that message may. */
    public void deliveredToClient(UUID clientId, UUID conversationId, long seq) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.isAssignedTo(clientId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        markDelivered(c, seq, true);
    }

    public void deliveredToCustomer(String customerSubject, UUID conversationId, long seq) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.customerSubject().equals(customerSubject)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        markDelivered(c, seq, false);
    }

    /**
     * The client's screen has shown the conversation up to {@code seq}: the customer's messages up
     * to it are read (and so delivered), and the customer's tabs are told.
     */
    public void readByClient(UUID clientId, UUID conversationId, long seq) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.isAssignedTo(clientId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        if (markRead(c, seq, true) > 0) {
            relay.toCustomers(c.id(), FrameCodec.encode(new Frame.Read(c.id().toString(), seq)));
        }
    }

    /** The customer's screen has shown the conversation up to {@code seq}: the answers up to it are read; the client is told. */
    public void readByCustomer(String customerSubject, UUID conversationId, long seq) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.customerSubject().equals(customerSubject)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        if (markRead(c, seq, false) > 0 && c.client() != null) {
            relay.toClient(c.client().id(), FrameCodec.encode(new Frame.Read(c.id().toString(), seq)));
        }
    }

    /** What a socket needs to greet its peer. */
    public record ConversationView(UUID id, UUID merchantId, String merchantName, String state) {
    }

    public ConversationView describe(UUID conversationId) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return new ConversationView(c.id(), c.merchant().id(), c.merchant().name(), c.state().name());
    }

    /** Messages after {@code lastSeq}, oldest first, at most {@link Frame#RESUME_LIMIT}. Callers check tenancy. */
    public List<ChatMessage> since(UUID conversationId, long lastSeq) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.id = :c and m.seq > :after order by m.seq", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("after", lastSeq)
                .setMaxResults(Frame.RESUME_LIMIT).getResultList();
    }

    /** For a merchant client's resume: the conversation if it belongs to the client's merchant, else 404. */
    public Conversation ofClientsMerchant(UUID clientId, UUID conversationId) {
        Conversation c = em.find(Conversation.class, conversationId);
        MerchantClient client = em.find(MerchantClient.class, clientId);
        if (c == null || client == null || !c.merchant().id().equals(client.merchant().id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return c;
    }

    /** The newest {@code limit} messages of a conversation, oldest first. Callers check tenancy. */
    public List<ChatMessage> recent(UUID conversationId, int limit) {
        // The conversation is fetched with them: the socket turns them into frames after this returns.
        List<ChatMessage> newestFirst = em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.id = :c order by m.seq desc", ChatMessage.class)
                .setParameter("c", conversationId).setMaxResults(limit).getResultList();
        List<ChatMessage> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private Accepted store(Conversation c, Frame.Sender sender, String senderMsgId, String text, Long inReplyTo) {
        Optional<ChatMessage> earlier = em.createQuery("select m from ChatMessage m where m.conversation = :c "
                        + "and m.sender = :s and m.senderMsgId = :id", ChatMessage.class)
                .setParameter("c", c).setParameter("s", sender).setParameter("id", senderMsgId)
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            if (!earlier.get().body().equals(text)) {
                throw new DomainException(ErrorCode.CONFLICT, "this message id was already used for another text");
            }
            return new Accepted(c.id(), earlier.get().seq(), false);
        }
        if (!c.accepts(sender)) {
            throw new DomainException(ErrorCode.CONFLICT, "staff have taken this conversation over");
        }
        Instant now = Instant.now();
        ChatMessage m = new ChatMessage(c, c.nextSeq(now), sender, senderMsgId, text, now);
        m.answers(inReplyTo);
        em.persist(m);
        publisher.publish(m.id());
        LOG.debugf("Stored %s message %d of conversation %s", sender, m.seq(), c.id());
        return new Accepted(c.id(), m.seq(), true);
    }

    private void markDelivered(Conversation c, long seq, boolean toClient) {
        List<ChatMessage> found = em.createQuery("select m from ChatMessage m where m.conversation = :c "
                        + "and m.seq = :seq", ChatMessage.class)
                .setParameter("c", c).setParameter("seq", seq).getResultList();
        ChatMessage m = found.stream().findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such message"));
        boolean fromCustomer = m.sender() == Frame.Sender.CUSTOMER;
        if (fromCustomer != toClient) {
            throw new DomainException(ErrorCode.FORBIDDEN, "a peer acknowledges only messages sent to it");
        }
        m.delivered(Instant.now());
    }

    /** Marks the customer's messages (or the answers) up to {@code seq} read; returns how many were not before. */
    private int markRead(Conversation c, long seq, boolean customerMessages) {
        if (seq < 1 || seq > c.lastSeq()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such message");
        }
        Instant now = Instant.now();
        return em.createQuery("update ChatMessage m set m.readAt = :now, m.deliveredAt = coalesce(m.deliveredAt, :now) "
                        + "where m.conversation = :c and m.seq <= :seq and m.readAt is null and "
                        + (customerMessages ? "m.sender = :customer" : "m.sender <> :customer"))
                .setParameter("now", now).setParameter("c", c).setParameter("seq", seq)
                .setParameter("customer", Frame.Sender.CUSTOMER).executeUpdate();
    }

    private Conversation lock(UUID conversationId) {
        Conversation c = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return c;
    }
}
