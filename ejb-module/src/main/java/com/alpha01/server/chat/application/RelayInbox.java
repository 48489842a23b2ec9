package com.alpha01.server.chat.application;

import com.alpha01.protocol.CloseCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What this node does with a relayed event ({@link Relay}): act on the sockets it holds, ignore the
 * rest. The relay calls it directly for this node's own events and through the topic for other nodes'.
 * A CDI bean: it needs no transaction of its own (a hand-over's replay runs in {@link DeliveryService}'s).
 */
@ApplicationScoped
public class RelayInbox {

    private static final Logger LOG = Logger.getLogger(RelayInbox.class);

    @Inject
    PeerRegistry peers;

    @Inject
    DeliveryService delivery;

    /** Returns whether the client's socket is on this node (then no other node holds it). */
    public boolean toClient(UUID clientId, Outbound outbound) {
        Optional<PeerChannel> channel = peers.client(clientId);
        channel.ifPresent(c -> c.send(outbound));
        return channel.isPresent();
    }

    public void toCustomers(UUID conversationId, Outbound outbound) {
        peers.customers(conversationId).forEach(channel -> channel.send(outbound));
    }

    /** Returns whether the client's socket is on this node (then it was replayed to here). */
    public boolean handOver(UUID clientId, Collection<UUID> conversationIds) {
        if (peers.client(clientId).isEmpty()) {
            return false;
        }
        delivery.replayForNewHolder(clientId, conversationIds);
        delivery.replayToClient(clientId);
        return true;
    }

    public void clientConnected(UUID clientId, String socketId) {
        peers.client(clientId).filter(channel -> !channel.id().equals(socketId)).ifPresent(old -> {
            LOG.infof("Client %s connected again elsewhere (socket %s): closing socket %s here", clientId, socketId,
                    old.id());
            old.close(CloseCodes.REPLACED, "replaced");
        });
    }
}
