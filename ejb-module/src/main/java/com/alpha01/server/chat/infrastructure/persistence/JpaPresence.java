package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@link Presence} in the merchant client rows ({@code node}, {@code socket_id}, {@code last_seen_at}):
 * chat writes only these columns, the merchant context owns the rest. Each call joins the caller's
 * transaction or runs in its own.
 */
@Stateless
public class JpaPresence implements Presence {

    @PersistenceContext
    EntityManager em;

    @Override
    public void attached(UUID clientId, String socketId) {
        em.createQuery("update MerchantClient c set c.node = :node, c.socketId = :socket, c.lastSeenAt = :now "
                        + "where c.id = :id")
                .setParameter("node", ServerConfig.nodeName()).setParameter("socket", socketId)
                .setParameter("now", Instant.now()).setParameter("id", clientId).executeUpdate();
    }

    @Override
    public boolean detached(UUID clientId, String socketId) {
        return em.createQuery("update MerchantClient c set c.node = null, c.socketId = null, c.lastSeenAt = :now "
                        + "where c.id = :id and c.node = :node and c.socketId = :socket")
                .setParameter("node", ServerConfig.nodeName()).setParameter("socket", socketId)
                .setParameter("now", Instant.now()).setParameter("id", clientId).executeUpdate() > 0;
    }

    @Override
    public void refresh(Collection<UUID> localClients) {
        if (localClients.isEmpty()) {
            return;
        }
        em.createQuery("update MerchantClient c set c.lastSeenAt = :now where c.id in :ids and c.node = :node")
                .setParameter("now", Instant.now()).setParameter("ids", localClients)
                .setParameter("node", ServerConfig.nodeName()).executeUpdate();
    }

    @Override
    public int forgetThisNode() {
        return em.createQuery("update MerchantClient c set c.node = null, c.socketId = null where c.node = :node")
                .setParameter("node", ServerConfig.nodeName()).executeUpdate();
    }

    @Override
    public Set<UUID> online(Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        // Heartbeats older than the presence window mean the holding node is gone.
        List<UUID> ids = em.createQuery("select c.id from MerchantClient c where c.id in :ids and c.node is not null "
                        + "and c.lastSeenAt > :fresh", UUID.class)
                .setParameter("ids", candidates).setParameter("fresh", ServerConfig.presenceFreshSince())
                .getResultList();
        return new HashSet<>(ids);
    }
}
