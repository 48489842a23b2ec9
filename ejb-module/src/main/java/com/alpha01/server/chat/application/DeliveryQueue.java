package com.alpha01.server.chat.application;

import java.util.UUID;

/**
 * "Message stored, deliver it": published in the storing transaction, so the delivery exists
 * exactly when the row does (JMS queue {@code alpha01.delivery}).
 */
public interface DeliveryQueue {

    void publish(UUID messageId);
}
