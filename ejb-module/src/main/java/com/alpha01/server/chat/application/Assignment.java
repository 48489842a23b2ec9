package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Chooses the merchant client for a conversation (DESIGN.md flow 5): the QR code's client if it is
 * online and has room, else the online client of the merchant with the fewest open conversations
 * that has room; none when all are full or offline (QUEUED). A client has room below its capacity:
 * the cap it registered with, never more than {@code ALPHA01_CLIENT_CAPACITY}
 * ({@link MerchantClient#capacityWithin}). Online means "holds a socket on some node of the
 * cluster" ({@link Presence}).
 */
@Stateless
public class Assignment {

    @Inject
    ConversationRepository conversations;

    @Inject
    MerchantDirectory directory;

    @Inject
    Presence presence;

    public Optional<MerchantClient> chooseClient(UUID merchantId, UUID preferredClientId) {
        List<MerchantClient> all = directory.clients(merchantId);
        Set<UUID> online = presence.online(all.stream().map(MerchantClient::id).toList());
        if (online.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> candidates = all.stream().map(MerchantClient::id).filter(online::contains).toList();
        int serverCapacity = ServerConfig.clientCapacity();
        Map<UUID, Integer> capacity = new HashMap<>();
        all.forEach(c -> capacity.put(c.id(), c.capacityWithin(serverCapacity)));
        return pick(candidates, conversations.openLoad(online), capacity, preferredClientId)
                .flatMap(id -> all.stream().filter(c -> c.id().equals(id)).findFirst());
    }

    /**
     * The rule, without the database: the preferred client if it is a candidate with room, else the
     * candidate with the fewest open conversations (first registered wins a tie) among those with
     * room; empty when every candidate is full. A candidate has room while its {@code load} is below
     * its {@code capacity} (a candidate missing from {@code capacity} has none).
     */
    static Optional<UUID> pick(List<UUID> candidates, Map<UUID, Long> load, Map<UUID, Integer> capacity,
                               UUID preferred) {
        Predicate<UUID> hasRoom = id -> load.getOrDefault(id, 0L) < capacity.getOrDefault(id, 0);
        if (preferred != null && candidates.contains(preferred) && hasRoom.test(preferred)) {
            return Optional.of(preferred);
        }
        return candidates.stream().filter(hasRoom)
                .min(Comparator.comparingLong(id -> load.getOrDefault(id, 0L)));
    }
}
