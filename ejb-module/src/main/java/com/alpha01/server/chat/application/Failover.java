package com.alpha01.server.chat.application;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
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
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Moves what needs moving; returns the clients that received conversations (to replay to after commit). */
    public Set<UUID> reassignFromGoneClients() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(ServerConfig.failoverGrace());
        List<Conversation> held = em.createQuery("select c from Conversation c join fetch c.client "
                        + "where c.state in :open", Conversation.class)
                .setParameter("open", List.of(ConversationState.NEW, ConversationState.BOT, ConversationState.HUMAN))
                .getResultList();
        Set<UUID> receivers = new LinkedHashSet<>();
        for (Conversation c : held) {
            MerchantClient gone = c.client();
            if (peers.client(gone.id()).isPresent()
                    || (gone.lastSeenAt() != null && gone.lastSeenAt().isAfter(cutoff))) {
                continue;
            }
            em.lock(c, LockModeType.PESSIMISTIC_WRITE);
            if (c.client() == null || !c.client().id().equals(gone.id())) {
                continue;
            }
            boolean wasHuman = c.state() == ConversationState.HUMAN;
            assignment.chooseClient(c.merchant().id(), null).ifPresentOrElse(next -> {
                c.assignTo(next, now);
                if (wasHuman) {
                    c.handBack(now);
                }
                receivers.add(next.id());
            }, () -> c.queue(now));
            LOG.infof("Conversation %s: client %s gone for over %s; now %s", c.id(), gone.id(),
                    ServerConfig.failoverGrace(), c.client() == null ? "queued" : "at client " + c.client().id());
            String state = FrameCodec.encode(new Frame.State(c.id().toString(), c.state().name(), null));
            peers.customers(c.id()).forEach(p -> p.send(state));
        }
        // Queued conversations whose merchant now has a client with room (one came online, or one freed up).
        for (Conversation c : em.createQuery("select c from Conversation c where c.state = :queued", Conversation.class)
                .setParameter("queued", ConversationState.QUEUED).getResultList()) {
            assignment.chooseClient(c.merchant().id(), null).ifPresent(next -> {
                em.lock(c, LockModeType.PESSIMISTIC_WRITE);
                if (c.state() != ConversationState.QUEUED) {
                    return;
                }
                c.assignTo(next, now);
                receivers.add(next.id());
                LOG.infof("Queued conversation %s assigned to client %s", c.id(), next.id());
                String state = FrameCodec.encode(new Frame.State(c.id().toString(), c.state().name(), null));
                peers.customers(c.id()).forEach(p -> p.send(state));
            });
        }
        return receivers;
    }
}
