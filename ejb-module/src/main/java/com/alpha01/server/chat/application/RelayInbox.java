package com.alpha01.server.chat.application;

import com.alpha01.protocol.CloseCodes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.UUID;
import org.jboss.logging.Logger;

/** What this node does with a relayed event ({@link Relay}): act on the sockets it holds, ignore the rest. */
@Stateless
public class RelayInbox {

    private static final Logger LOG = Logger.getLogger(RelayInbox.class);

    @Inject
    PeerRegistry peers;

    @Inject
    DeliveryService delivery;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void toClient(UUID clientId, Outbound outbound) {
        peers.client(clientId).ifPresent(channel -> channel.send(outbound));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void toCustomers(UUID conversationId, Outbound outbound) {
        peers.customers(conversationId).forEach(channel -> channel.send(outbound));
    }

    public void handOver(UUID clientId, Collection<UUID> conversationIds) {
        if (peers.client(clientId).isPresent()) {
            delivery.replayForNewHolder(clientId, conversationIds);
            delivery.replayToClient(clientId);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void clientConnected(UUID clientId, String socketId) {
        peers.client(clientId).filter(channel -> !channel.id().equals(socketId)).ifPresent(old -> {
            LOG.infof("Client %s connected again elsewhere (socket %s): closing socket %s here", clientId, socketId,
                    old.id());
            old.close(CloseCodes.REPLACED, "replaced");
        });
    }
}
