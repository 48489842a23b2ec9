package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Typing indicators: checked like read receipts (only the conversation's own customer, or the
 * client holding it; anyone else gets {@code NOT_FOUND}) and relayed to the other side the same
 * way, wherever in the cluster its sockets are. Nothing is stored, resent or acknowledged, so no
 * transaction is needed: one small read, and the relay publishes at once. The sockets thin them
 * first ({@link com.alpha01.server.platform.TypingThrottle}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TypingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Relay relay;

    /** Staff at client {@code clientId} are writing (or stopped): the customer's tabs are told. */
    public void fromClient(UUID clientId, UUID conversationId, boolean typing) {
        Parties p = parties(conversationId);
        if (p == null || !clientId.equals(p.clientId())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        relay.toCustomers(conversationId, frame(conversationId, typing));
    }

    /** The customer is writing (or stopped): the client holding the conversation is told, if any. */
    public void fromCustomer(String customerSubject, UUID conversationId, boolean typing) {
        Parties p = parties(conversationId);
        if (p == null || !p.customerSubject().equals(customerSubject)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        if (p.clientId() != null) {
            relay.toClient(p.clientId(), frame(conversationId, typing));
        }
    }

    private record Parties(String customerSubject, UUID clientId) {
    }

    private Parties parties(UUID conversationId) {
        List<Object[]> rows = em.createQuery("select c.customerSubject, cl.id from Conversation c "
                        + "left join c.client cl where c.id = :id", Object[].class)
                .setParameter("id", conversationId).getResultList();
        return rows.isEmpty() ? null : new Parties((String) rows.get(0)[0], (UUID) rows.get(0)[1]);
    }

    private static String frame(UUID conversationId, boolean typing) {
        return FrameCodec.encode(new Frame.Typing(conversationId.toString(), typing));
    }
}
