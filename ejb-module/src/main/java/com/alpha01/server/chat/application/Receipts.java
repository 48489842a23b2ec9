package com.alpha01.server.chat.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Receipts from peers: {@code delivered} is recorded; {@code read} is recorded and, once that
 * committed, relayed to the other side ("your messages up to seq were read").
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Receipts {

    @Inject
    ChatService chat;

    @Inject
    Relay relay;

    public void deliveredToClient(UUID clientId, UUID conversationId, long seq) {
        chat.deliveredToClient(clientId, conversationId, seq);
    }

    public void deliveredToCustomer(String customerSubject, UUID conversationId, long seq) {
        chat.deliveredToCustomer(customerSubject, conversationId, seq);
    }

    /** Staff have seen the conversation up to {@code seq}: the customer's tabs are told. */
    public void readByClient(UUID clientId, UUID conversationId, long seq) {
        if (chat.readByClient(clientId, conversationId, seq)) {
            relay.toCustomers(conversationId, new Outbound.Read(conversationId, seq));
        }
    }

    /** The customer has seen the conversation up to {@code seq}: the client holding it is told. */
    public void readByCustomer(String customerSubject, UUID conversationId, long seq) {
        chat.readByCustomer(customerSubject, conversationId, seq)
                .ifPresent(client -> relay.toClient(client, new Outbound.Read(conversationId, seq)));
    }
}
