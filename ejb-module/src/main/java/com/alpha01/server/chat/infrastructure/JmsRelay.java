package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.application.Relay;
import com.alpha01.server.chat.application.RelayInbox;
import com.alpha01.server.platform.Resources;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link Relay}: this node's own sockets first, in the caller's thread ({@link RelayInbox}), then
 * the {@code alpha01.relay} topic for the other nodes, unless the receiver was found here (a merchant
 * client has one socket in the cluster) or, for a customer's tabs (which may be on several nodes), no
 * other node is alive ({@link ClusterView}). Each event names
 * its origin node, and this node's subscription skips its own ({@code META-INF/jboss-ejb3.xml}), so
 * a single node publishes into an address nobody here consumes and no event is acted on twice.
 * Sent non-transacted (callers relay after their commit), non-persistent, with a short time to live:
 * a frame nobody could show within a minute is stale, and PostgreSQL still holds the message.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JmsRelay implements Relay {

    /** Message properties of a relayed event. */
    static final String KIND = "alpha01Kind";
    static final String TARGET = "alpha01Target";
    /** The node that published the event; its own subscription filters it out. */
    static final String ORIGIN = "alpha01Origin";

    enum Kind { TO_CLIENT, TO_CUSTOMERS, HAND_OVER, CLIENT_CONNECTED, NODE_ALIVE }

    private static final long TIME_TO_LIVE_MS = 60_000;

    @Inject
    @JMSConnectionFactory(Resources.JMS_CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Resources.RELAY_TOPIC)
    Topic topic;

    @Inject
    RelayInbox here;

    @Inject
    ClusterView cluster;

    @Override
    public void toClient(UUID clientId, Outbound outbound) {
        if (!here.toClient(clientId, outbound)) {
            publish(Kind.TO_CLIENT, clientId, RelayCodec.encode(outbound));
        }
    }

    @Override
    public void toCustomers(UUID conversationId, Outbound outbound) {
        here.toCustomers(conversationId, outbound);
        if (cluster.othersAlive()) {
            publish(Kind.TO_CUSTOMERS, conversationId, RelayCodec.encode(outbound));
        }
    }

    @Override
    public void handOver(UUID clientId, Collection<UUID> conversationIds) {
        if (!here.handOver(clientId, conversationIds)) {
            publish(Kind.HAND_OVER, clientId,
                    conversationIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
    }

    @Override
    public void clientConnected(UUID clientId, String socketId) {
        here.clientConnected(clientId, socketId);
        publish(Kind.CLIENT_CONNECTED, clientId, socketId);
    }

    private void publish(Kind kind, UUID target, String body) {
        jms.createProducer()
                .setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(TIME_TO_LIVE_MS)
                .setProperty(KIND, kind.name())
                .setProperty(TARGET, target.toString())
                .setProperty(ORIGIN, ServerConfig.nodeName())
                .send(topic, body);
    }
}
