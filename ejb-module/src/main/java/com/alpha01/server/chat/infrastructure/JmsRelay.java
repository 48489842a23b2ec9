package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.application.Relay;
import com.alpha01.server.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link Relay} over the {@code alpha01.relay} topic, which the Artemis cluster forwards to every
 * node's subscription. Sent through the XA connection factory: inside a transaction the frame
 * leaves on commit, outside one at once. Non-persistent, with a short time to live: a frame nobody
 * could show within a minute is stale, and PostgreSQL still holds the message.
 */
@Stateless
public class JmsRelay implements Relay {

    /** Message properties of a relayed event. */
    static final String KIND = "alpha01Kind";
    static final String TARGET = "alpha01Target";

    enum Kind { TO_CLIENT, TO_CUSTOMERS, HAND_OVER, CLIENT_CONNECTED }

    private static final long TIME_TO_LIVE_MS = 60_000;

    @Inject
    @JMSConnectionFactory(Resources.JMS_CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Resources.RELAY_TOPIC)
    Topic topic;

    @Override
    public void toClient(UUID clientId, Outbound outbound) {
        publish(Kind.TO_CLIENT, clientId, RelayCodec.encode(outbound));
    }

    @Override
    public void toCustomers(UUID conversationId, Outbound outbound) {
        publish(Kind.TO_CUSTOMERS, conversationId, RelayCodec.encode(outbound));
    }

    @Override
    public void handOver(UUID clientId, Collection<UUID> conversationIds) {
        publish(Kind.HAND_OVER, clientId, conversationIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    @Override
    public void clientConnected(UUID clientId, String socketId) {
        publish(Kind.CLIENT_CONNECTED, clientId, socketId);
    }

    private void publish(Kind kind, UUID target, String body) {
        jms.createProducer()
                .setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(TIME_TO_LIVE_MS)
                .setProperty(KIND, kind.name())
                .setProperty(TARGET, target.toString())
                .send(topic, body);
    }
}
