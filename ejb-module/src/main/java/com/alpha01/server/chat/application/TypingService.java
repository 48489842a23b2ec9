package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ConversationRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Typing indicators: checked like read receipts (only the conversation's own customer, or the
 * client holding it; anyone else gets {@code NOT_FOUND}) and relayed to the other side the same
 * way, wherever in the cluster its sockets are. Nothing is stored, resent or acknowledged, so no
 * transaction is needed: one small read, and the relay publishes at once. The sockets thin them
 * first ({@link com.alpha01.server.chat.application.pacing.TypingThrottle}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TypingService {

    @Inject
    ConversationRepository conversations;

    @Inject
    Relay relay;

    /** Staff at client {@code clientId} are writing (or stopped): the customer's tabs are told. */
    public void fromClient(UUID clientId, UUID conversationId, boolean typing) {
        conversations.parties(conversationId).filter(p -> clientId.equals(p.clientId()))
                .orElseThrow(Refusals::noSuchConversation);
        relay.toCustomers(conversationId, new Outbound.Typing(conversationId, typing));
    }

    /** The customer is writing (or stopped): the client holding the conversation is told, if any. */
    public void fromCustomer(String customerSubject, UUID conversationId, boolean typing) {
        ConversationRepository.Parties p = conversations.parties(conversationId)
                .filter(parties -> parties.customerSubject().equals(customerSubject))
                .orElseThrow(Refusals::noSuchConversation);
        if (p.clientId() != null) {
            relay.toClient(p.clientId(), new Outbound.Typing(conversationId, typing));
        }
    }
}
