package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.DeliveryQueue;
import com.alpha01.server.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.UUID;

/**
 * Publishes "message stored, deliver it" on the delivery queue. Runs in the caller's JTA
 * transaction through the XA connection factory, so the JMS message exists exactly when the
 * database row does.
 */
@Stateless
public class DeliveryPublisher implements DeliveryQueue {

    /** JMS property carrying the stored message's id. */
    public static final String MESSAGE_ID = "alpha01MessageId";

    @Inject
    @JMSConnectionFactory(Resources.JMS_CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Resources.DELIVERY_QUEUE)
    Queue queue;

    @Override
    public void publish(UUID messageId) {
        jms.createProducer().setProperty(MESSAGE_ID, messageId.toString()).send(queue, messageId.toString());
    }
}
