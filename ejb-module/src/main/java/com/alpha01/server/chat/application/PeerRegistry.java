package com.alpha01.server.chat.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The peer connections held by this node: one socket per merchant client, any number of customer
 * sockets per conversation (several tabs). Other nodes hold their own; {@link Relay} carries
 * frames to whichever node holds the receiver, and {@link Presence} tells the cluster who is online.
 */
@ApplicationScoped
public class PeerRegistry {

    private final Map<UUID, PeerChannel> clients = new ConcurrentHashMap<>();
    private final Map<UUID, Set<PeerChannel>> customers = new ConcurrentHashMap<>();

    /** Registers the client's socket; returns the one it replaces, which the caller closes. */
    public Optional<PeerChannel> attachClient(UUID clientId, PeerChannel channel) {
        return Optional.ofNullable(clients.put(clientId, channel)).filter(old -> old != channel);
    }

    /** Removes the client's socket if it is still the registered one. */
    public boolean detachClient(UUID clientId, PeerChannel channel) {
        return clients.remove(clientId, channel);
    }

    public Optional<PeerChannel> client(UUID clientId) {
        return Optional.ofNullable(clients.get(clientId)).filter(PeerChannel::isOpen);
    }

    /** The clients holding an open socket on this node. */
    public Set<UUID> localClientIds() {
        return clients.keySet().stream().filter(id -> client(id).isPresent()).collect(Collectors.toSet());
    }

    /** The conversations with a customer tab open on this node. */
    public Set<UUID> localConversationIds() {
        return Set.copyOf(customers.keySet());
    }

    /**
     * Adds a tab's socket to its conversation unless the conversation already has {@code max} open
     * ones on this node (closed ones no longer count); false when refused.
     */
    public boolean attachCustomer(UUID conversationId, PeerChannel channel, int max) {
        boolean[] attached = {false};
        customers.compute(conversationId, (k, set) -> {
            Set<PeerChannel> tabs = set == null ? ConcurrentHashMap.newKeySet() : set;
            tabs.removeIf(tab -> !tab.isOpen());
            if (tabs.size() < max) {
                attached[0] = tabs.add(channel);
            }
            return tabs.isEmpty() ? null : tabs;
        });
        return attached[0];
    }

    public void detachCustomer(UUID conversationId, PeerChannel channel) {
        customers.computeIfPresent(conversationId, (k, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }

    /** Every connection this node holds (clients and customers), for the heartbeat. */
    public List<PeerChannel> all() {
        List<PeerChannel> all = new java.util.ArrayList<>(clients.values());
        customers.values().forEach(all::addAll);
        return all;
    }

    /** Open client sockets on this node. */
    public int clientCount() {
        return (int) clients.values().stream().filter(PeerChannel::isOpen).count();
    }

    /** Open customer sockets (tabs) on this node. */
    public int customerCount() {
        return customers.values().stream().mapToInt(tabs -> (int) tabs.stream().filter(PeerChannel::isOpen).count()).sum();
    }

    public List<PeerChannel> customers(UUID conversationId) {
        Set<PeerChannel> set = customers.get(conversationId);
        return set == null ? List.of() : set.stream().filter(PeerChannel::isOpen).toList();
    }
}
