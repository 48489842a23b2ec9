package com.alpha01.server.chat.domain;

import java.util.Collection;
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
public interface Presence {

    /** This node now holds socket {@code socketId} of the client. */
    void attached(UUID clientId, String socketId);

    /**
     * Socket {@code socketId} of the client closed here. Does nothing when the client has connected
     * again meanwhile (the row names a newer socket, perhaps on another node).
     */
    boolean detached(UUID clientId, String socketId);

    /** Heartbeat: the clients whose sockets this node still holds are alive. */
    void refresh(Collection<UUID> localClients);

    /** After a restart, this node holds no socket: rows still naming it are from before. */
    int forgetThisNode();

    /** Those of {@code candidates} that hold a live socket on some node. */
    Set<UUID> online(Collection<UUID> candidates);

    default boolean isOnline(UUID clientId) {
        return !online(List.of(clientId)).isEmpty();
    }
}
