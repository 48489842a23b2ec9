package com.alpha01.server.chat.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Staff change who answers a conversation (take over, hand back, close). The change commits first
 * ({@link ChatService#control}); only then are the acting client, the customer's tabs and the
 * client that held it before told.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConversationStates {

    @Inject
    ChatService chat;

    @Inject
    Relay relay;

    public void change(UUID clientId, PeerChannel self, UUID conversationId, StaffAction action, String staffName) {
        ChatService.StateChange change = chat.control(clientId, conversationId, action, staffName);
        self.send(change.state());
        relay.toCustomers(conversationId, change.state());
        if (change.previousClientId() != null && !change.previousClientId().equals(clientId)) {
            relay.toClient(change.previousClientId(), change.state());
        }
    }
}
