package com.alpha01.server.chat.application;

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
 * Which merchant clients are online anywhere in the cluster, kept in PostgreSQL: the node holding
 * a client's socket writes its name into the client's row on connect, refreshes
 * {@code last_seen_at} with every heartbeat sweep, and clears it on disconnect. A row whose
 * heartbeat is older than the heartbeat timeout counts as offline, so the clients of a node that
 * crashed go offline by themselves and their conversations fail over.
 */
@Stateless
public class Presence {

    @PersistenceContext
    EntityManager em;

    /** This node now holds socket {@code socketId} of the client. */
    public void attached(UUID clientId, String socketId) {
        em.createQuery("update MerchantClient c set c.node = :node, c.socketId = :socket, c.lastSeenAt = :now "
                        + "where c.id = :id")
                .setParameter("node", ServerConfig.nodeName()).setParameter("socket", socketId)
                .setParameter("now", Instant.now()).setParameter("id", clientId).executeUpdate();
    }

    /**
     * Socket {@code socketId} of the client closed here. Does nothing when the client has connected
     * again meanwhile (the row names a newer socket, perhaps on another node).
     */
    public boolean detached(UUID clientId, String socketId) {
        return em.createQuery("update MerchantClient c set c.node = null, c.socketId = null, c.lastSeenAt = :now "
                        + "where c.id = :id and c.node = :node and c.socketId = :socket")
                .setParameter("node", ServerConfig.nodeName()).setParameter("socket", socketId)
                .setParameter("now", Instant.now()).setParameter("id", clientId).executeUpdate() > 0;
    }

    /** Heartbeat: the clients whose sockets this node still holds are alive. */
    public void refresh(Collection<UUID> localClients) {
        if (localClients.isEmpty()) {
            return;
        }
        em.createQuery("update MerchantClient c set c.lastSeenAt = :now where c.id in :ids and c.node = :node")
                .setParameter("now", Instant.now()).setParameter("ids", localClients)
                .setParameter("node", ServerConfig.nodeName()).executeUpdate();
    }

    /** After a restart, this node holds no socket: rows still naming it are from before. */
    public int forgetThisNode() {
        return em.createQuery("update MerchantClient c set c.node = null, c.socketId = null where c.node = :node")
                .setParameter("node", ServerConfig.nodeName()).executeUpdate();
    }

    /** Those of {@code candidates} that hold a live socket on some node. */
    public Set<UUID> online(Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = em.createQuery("select c.id from MerchantClient c where c.id in :ids and c.node is not null "
                        + "and c.lastSeenAt > :fresh", UUID.class)
                .setParameter("ids", candidates).setParameter("fresh", freshSince()).getResultList();
        return new HashSet<>(ids);
    }

    public boolean isOnline(UUID clientId) {
        return !online(List.of(clientId)).isEmpty();
    }

    /** Heartbeats older than this mean the holding node is gone. */
    private static Instant freshSince() {
        return ServerConfig.presenceFreshSince();
    }
}
