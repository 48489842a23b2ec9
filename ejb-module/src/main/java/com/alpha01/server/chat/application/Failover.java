package com.alpha01.server.chat.application;

import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext
    EntityManager em;

    @Inject
    PeerRegistry peers;

    @Inject
    Assignment assignment;

    /**
     * What a sweep changed, to act on after it commits: per client, the conversations it received
     * (to replay to), and the state changes to tell the customers.
     */
    public record Sweep(Map<UUID, Set<UUID>> handedTo, List<Frame.State> changes) {
    }

    /** Moves what needs moving, in one transaction; the caller notifies and replays after commit. */
    public Sweep reassignFromGoneClients() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(ServerConfig.failoverGrace());
        List<Conversation> held = em.createQuery("select c from Conversation c join fetch c.client "
                        + "where c.state in :open", Conversation.class)
                .setParameter("open", List.of(ConversationState.NEW, ConversationState.BOT, ConversationState.HUMAN))
                .getResultList();
        Map<UUID, Set<UUID>> receivers = new LinkedHashMap<>();
        List<Frame.State> changes = new java.util.ArrayList<>();
        for (Conversation c : held) {
            MerchantClient gone = c.client();
            if (peers.client(gone.id()).isPresent()
                    || (gone.lastSeenAt() != null && gone.lastSeenAt().isAfter(cutoff))) {
                continue;
            }
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE); // fresh row: never write back a stale last_seq
            if (c.client() == null || !c.client().id().equals(gone.id()) || c.state() == ConversationState.CLOSED
                    || c.state() == ConversationState.QUEUED) {
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
            LOG.infof("Conversation %s: client %s gone for over %s; now %s", c.id(), gone.id(),
                    ServerConfig.failoverGrace(), c.client() == null ? "queued" : "at client " + c.client().id());
            changes.add(new Frame.State(c.id().toString(), c.state().name(), null));
        }
        // Queued conversations whose merchant now has a client with room (one came online, or one freed up).
        for (Conversation c : em.createQuery("select c from Conversation c where c.state = :queued", Conversation.class)
                .setParameter("queued", ConversationState.QUEUED).getResultList()) {
            assignment.chooseClient(c.merchant().id(), null).ifPresent(next -> {
                em.refresh(c, LockModeType.PESSIMISTIC_WRITE); // fresh row: never write back a stale last_seq
                if (c.state() != ConversationState.QUEUED) {
                    return;
                }
                c.assignTo(next, now);
                receivers.computeIfAbsent(next.id(), k -> new LinkedHashSet<>()).add(c.id());
                LOG.infof("Queued conversation %s assigned to client %s", c.id(), next.id());
                changes.add(new Frame.State(c.id().toString(), c.state().name(), null));
            });
        }
        return new Sweep(receivers, changes);
    }
}
