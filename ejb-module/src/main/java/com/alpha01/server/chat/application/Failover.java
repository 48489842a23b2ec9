package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves the open conversations of a merchant client that has been gone longer than the grace
 * period to the least-loaded online client of the same merchant (a conversation staff held goes
 * back to the AI there), or queues them when none is online and tells the customer. Undelivered
 * customer messages are then replayed to the new clients by the caller, after this commits.
 */
@Stateless
public class Failover {

    private static final Logger LOG = Logger.getLogger(Failover.class);

    @Inject
    ConversationRepository conversations;

    @Inject
    Assignment assignment;

    @Inject
    Meters meters;

    private static final List<ConversationState> OPEN =
            List.of(ConversationState.NEW, ConversationState.BOT, ConversationState.HUMAN);

    /**
     * What a sweep changed, to act on after it commits: per client, the conversations it received
     * (to replay to), and the state changes to tell the customers.
     */
    public record Sweep(Map<UUID, Set<UUID>> handedTo, List<Outbound.State> changes) {
    }

    /**
     * Moves what needs moving, in one transaction; the caller notifies and replays after commit. One
     * sweep at a time in the cluster: the node that does not get the sweep lock skips this round.
     * Conversations of silent clients move only when {@code presenceTrusted} (heartbeats have been
     * recorded steadily for a full window); queued ones are assigned either way.
     */
    public Sweep reassignFromGoneClients(boolean presenceTrusted) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(ServerConfig.failoverGrace());
        if (!conversations.tryLockSweep()) {
            return new Sweep(Map.of(), List.of()); // another node sweeps right now
        }
        // Conversations whose client holds no live socket on any node (none named, or its node's
        // heartbeat is stale) and was last seen before the cutoff.
        List<Conversation> stranded = presenceTrusted
                ? conversations.stranded(OPEN, ServerConfig.presenceFreshSince(), cutoff) : List.of();
        Map<UUID, Set<UUID>> receivers = new LinkedHashMap<>();
        List<Outbound.State> changes = new java.util.ArrayList<>();
        for (Conversation c : stranded) {
            UUID gone = c.clientId();
            conversations.relock(c); // fresh row: never write back a stale last_seq
            if (c.clientId() == null || !c.clientId().equals(gone) || !OPEN.contains(c.state())) {
                continue;
            }
            boolean wasHuman = c.state() == ConversationState.HUMAN;
            assignment.chooseClient(c.merchant().id(), null).ifPresentOrElse(next -> {
                c.assignTo(next, now);
                if (wasHuman) {
                    c.handBack(now);
                }
                receivers.computeIfAbsent(next.id(), k -> new LinkedHashSet<>()).add(c.id());
            }, () -> c.queue(now));
            meters.failedOver(c.clientId() == null);
            LOG.infof("Conversation %s: client %s gone for over %s; now %s", c.id(), gone,
                    ServerConfig.failoverGrace(), c.clientId() == null ? "queued" : "at client " + c.clientId());
            changes.add(new Outbound.State(c.id(), c.state(), null));
        }
        // Queued conversations whose merchant now has a client with room (one came online, or one freed up).
        for (Conversation c : conversations.queued()) {
            assignment.chooseClient(c.merchant().id(), null).ifPresent(next -> {
                conversations.relock(c); // fresh row: never write back a stale last_seq
                if (c.state() != ConversationState.QUEUED) {
                    return;
                }
                c.assignTo(next, now);
                receivers.computeIfAbsent(next.id(), k -> new LinkedHashSet<>()).add(c.id());
                LOG.infof("Queued conversation %s assigned to client %s", c.id(), next.id());
                changes.add(new Outbound.State(c.id(), c.state(), null));
            });
        }
        return new Sweep(receivers, changes);
    }
}
