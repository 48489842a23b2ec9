package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.DeliveryReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Receipts from peers: {@code delivered} is recorded (many at once under load:
 * {@link DeliveredReceipts}); {@code read} is recorded and, once that committed, relayed to the other
 * side ("your messages up to seq were read"). A CDI bean without a transaction of its own: each
 * record is {@link ChatService}'s, and the relay follows its commit.
 */
@ApplicationScoped
public class Receipts {

    @Inject
    ChatService chat;

    @Inject
    Relay relay;

    @Inject
    DeliveredReceipts delivered;

    public void deliveredToClient(UUID clientId, UUID conversationId, long seq) {
        delivered(DeliveryReceipt.fromClient(clientId, conversationId, seq));
    }

    public void deliveredToCustomer(String customerSubject, UUID conversationId, long seq) {
        delivered(DeliveryReceipt.fromCustomer(customerSubject, conversationId, seq));
    }

    /** Recorded with others in one statement (a repeat is fine there); only a wrong one is checked on its own, to refuse it. */
    private void delivered(DeliveryReceipt receipt) {
        if (!delivered.record(receipt)) {
            chat.checkDelivered(receipt);
        }
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
