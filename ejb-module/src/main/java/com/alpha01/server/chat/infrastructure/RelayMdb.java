package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.RelayInbox;
import com.alpha01.server.platform.Resources;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Arrays;
import java.util.UUID;

/**
 * This node's subscription to the relay topic: decodes each event of another node and hands it to
 * {@link RelayInbox}, which acts on the sockets held here. The subscription's selector (set in
 * {@code META-INF/jboss-ejb3.xml}, where the node name can be filled in) leaves this node's own
 * events out, which {@link JmsRelay} has already handed to the inbox; the check here repeats it.
 * Delivered without a transaction: the events are non-persistent and published without one, and an
 * XA transaction around each (Artemis enlisted, nothing else) guarded nothing. A failing event is
 * still rolled back by the resource adapter, redelivered, then dead-lettered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Resources.RELAY_TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayMdb implements MessageListener {

    @Inject
    RelayInbox inbox;

    @Inject
    ClusterView cluster;

    @Override
    public void onMessage(Message message) {
        try {
            if (ServerConfig.nodeName().equals(message.getStringProperty(JmsRelay.ORIGIN))) {
                return;
            }
            UUID target = UUID.fromString(message.getStringProperty(JmsRelay.TARGET));
            String body = message.getBody(String.class);
            switch (JmsRelay.Kind.valueOf(message.getStringProperty(JmsRelay.KIND))) {
                case TO_CLIENT -> inbox.toClient(target, RelayCodec.decode(body));
                case TO_CUSTOMERS -> inbox.toCustomers(target, RelayCodec.decode(body));
                case HAND_OVER -> inbox.handOver(target, Arrays.stream(body.split(",")).filter(s -> !s.isEmpty())
                        .map(UUID::fromString).toList());
                case CLIENT_CONNECTED -> inbox.clientConnected(target, body);
                case NODE_ALIVE -> cluster.heard(message.getStringProperty(JmsRelay.ORIGIN));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable relay message", e);
        }
    }
}
