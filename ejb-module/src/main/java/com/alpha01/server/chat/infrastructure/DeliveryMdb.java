package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.DeliveryService;
import com.alpha01.server.platform.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;

/**
 * Takes stored messages off the delivery queue and hands them to {@link DeliveryService}. Only
 * decodes; exceptions propagate so that Artemis redelivers and, in the end, dead-letters.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Resources.DELIVERY_QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class DeliveryMdb implements MessageListener {

    @Inject
    DeliveryService delivery;

    @Override
    public void onMessage(Message message) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(message.getStringProperty(DeliveryPublisher.MESSAGE_ID)));
        } catch (JMSException | IllegalArgumentException e) {
            // A poison message: redelivered a few times, then parked in the dead-letter queue (DeadLetterWatch).
            throw new IllegalStateException("unreadable delivery message " + jmsId(message), e);
        }
        delivery.deliver(id);
    }

    private static String jmsId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
