package com.alpha01.server.chat.domain;

import java.util.UUID;

/**
 * A peer's {@code delivered} receipt for message {@code seq} of a conversation: from the merchant
 * client {@code clientId} (for a customer's message) or from a tab of customer
 * {@code customerSubject} (for an answer); exactly one of the two is set.
 */
public record DeliveryReceipt(UUID conversationId, long seq, UUID clientId, String customerSubject) {

    public static DeliveryReceipt fromClient(UUID clientId, UUID conversationId, long seq) {
        return new DeliveryReceipt(conversationId, seq, clientId, null);
    }

    public static DeliveryReceipt fromCustomer(String customerSubject, UUID conversationId, long seq) {
        return new DeliveryReceipt(conversationId, seq, null, customerSubject);
    }

    public boolean byClient() {
        return clientId != null;
    }
}
