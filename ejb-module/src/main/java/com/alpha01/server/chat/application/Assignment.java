package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Chooses the merchant client for a new conversation (DESIGN.md flow 5): the QR code's client if
 * it is online, else the online client of the merchant with the fewest open conversations.
 * Online means "holds a socket on this node" for now; the cluster-wide view comes with routing.
 */
@Stateless
public class Assignment {

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantDirectory directory;

    @Inject
    PeerRegistry peers;

    public Optional<MerchantClient> chooseClient(UUID merchantId, UUID preferredClientId) {
        List<MerchantClient> all = directory.clients(merchantId);
        Set<UUID> online = peers.onlineClients(all.stream().map(MerchantClient::id).toList());
        if (preferredClientId != null && online.contains(preferredClientId)) {
            return all.stream().filter(c -> c.id().equals(preferredClientId)).findFirst();
        }
        if (online.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Long> load = openConversations(online);
        return all.stream().filter(c -> online.contains(c.id()))
                .min(Comparator.comparingLong(c -> load.getOrDefault(c.id(), 0L)));
    }

    private Map<UUID, Long> openConversations(Set<UUID> clientIds) {
        Map<UUID, Long> load = new HashMap<>();
        em.createQuery("select c.client.id, count(c) from Conversation c where c.client.id in :ids "
                        + "and c.state <> :closed group by c.client.id", Object[].class)
                .setParameter("ids", clientIds).setParameter("closed", ConversationState.CLOSED)
                .getResultList().forEach(row -> load.put((UUID) row[0], (Long) row[1]));
        return load;
    }
}
