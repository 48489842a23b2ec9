package com.alpha01.server.chat.application;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A merchant client's socket opens and closes (protocol rules 2 and 9). Outside any transaction,
 * like every use case that talks to peers: each step commits on its own before the next, and
 * relays go out after the step that decided them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClientConnections {

    private static final Logger LOG = Logger.getLogger(ClientConnections.class);

    @Inject
    MerchantDirectory directory;

    @Inject
    PeerRegistry peers;

    @Inject
    Presence presence;

    @Inject
    Relay relay;

    @Inject
    DeliveryService delivery;

    /**
     * Staff at client {@code clientId} connected through {@code channel}: the client must be of the
     * staff member's merchant (else {@code NOT_FOUND}, and nothing happens). An older socket of the
     * client, here or on another node, is closed (4001); the client is welcomed, marked online, and
     * gets the queued conversations of its merchant and every customer message it has not
     * acknowledged.
     */
    public void connect(Caller staff, UUID clientId, PeerChannel channel) {
        MerchantClient client = directory.clientOf(staff, clientId);
        peers.attachClient(client.id(), channel).ifPresent(old -> old.close(CloseCodes.REPLACED, "replaced"));
        presence.attached(client.id(), channel.id());
        relay.clientConnected(client.id(), channel.id()); // an older socket on another node closes
        channel.send(new Outbound.Welcome(client.id().toString(), client.merchant().id(), client.merchant().name(),
                null, null));
        LOG.infof("Client %s connected (socket %s)", client.id(), channel.id());
        delivery.replayToClient(client.id());
    }

    /** The client's socket closed: offline, unless a newer socket of it took over meanwhile. */
    public void disconnect(UUID clientId, PeerChannel channel, String reason) {
        if (peers.detachClient(clientId, channel)) {
            presence.detached(clientId, channel.id());
            LOG.infof("Client %s disconnected (%s)", clientId, reason);
        }
    }
}
