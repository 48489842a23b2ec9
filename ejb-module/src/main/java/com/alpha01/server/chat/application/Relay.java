package com.alpha01.server.chat.application;

import java.util.Collection;
import java.util.UUID;

/**
 * Reaches peers wherever in the cluster their sockets are: every node receives what is relayed and
 * acts on the sockets it holds ({@link RelayInbox}). Use cases relay after their transaction
 * committed (see the package doc). Inside a transaction, nothing leaves before
 * it commits. Relayed frames are not durable: PostgreSQL is the record, and the replay and resend
 * rules (docs/protocol.md) cover a frame lost with a node.
 */
public interface Relay {

    /** Something for merchant client {@code clientId}. */
    void toClient(UUID clientId, Outbound outbound);

    /** Something for every open tab of the conversation's customer. */
    void toCustomers(UUID conversationId, Outbound outbound);

    /**
     * Client {@code clientId} now holds these conversations (failover or queue): the node holding
     * its socket replays what it has not received or answered.
     */
    void handOver(UUID clientId, Collection<UUID> conversationIds);

    /** Client {@code clientId} connected with socket {@code socketId}: other nodes close its older sockets. */
    void clientConnected(UUID clientId, String socketId);
}
