package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ChatMessageRepository;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.Sender;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes stored messages to their receiver ({@link Relay}: at once when its socket is on this node,
 * else to the node holding it), replays what a peer connected here has not yet received, and
 * resends what it has not acknowledged. A message whose receiver is
 * connected nowhere stays undelivered in PostgreSQL until the receiver connects — nothing is dropped.
 */
@Stateless
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    @Inject
    ConversationRepository conversations;

    @Inject
    ChatMessageRepository messages;

    @Inject
    MerchantDirectory directory;

    @Inject
    PeerRegistry peers;

    @Inject
    Relay relay;

    /**
     * Sends a message just stored (and acknowledged) toward its receiver, outside any transaction:
     * a customer's message to the client holding the conversation, an answer to every tab of the
     * customer, each on whichever node holds the socket ({@link Relay}; a socket held here is sent
     * to at once). Nothing is waited for and nothing is retried here: a receiver connected nowhere
     * gets the message by replay when it connects, and one that does not acknowledge it (a frame
     * lost with a node, or this node stopped between the commit and this call) gets it again from
     * the resend sweep (docs/protocol.md rules 2–3).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void route(ChatService.Accepted accepted) {
        Outbound.Message m = accepted.message();
        if (!accepted.stored() || m == null) {
            return;
        }
        try {
            if (m.sender() != Sender.CUSTOMER) {
                relay.toCustomers(accepted.conversationId(), m);
            } else if (accepted.toClient() != null) {
                relay.toClient(accepted.toClient(), m);
            } else {
                LOG.debugf("Message %d of %s waits: the conversation is queued", m.seq(), accepted.conversationId());
            }
        } catch (RuntimeException e) {
            // Stored and acknowledged already: the resend sweep delivers it; the sender must not see an error.
            LOG.warnf("Message %d of conversation %s not routed now (%s); the resend sweep will send it", m.seq(),
                    accepted.conversationId(), e.toString());
        }
    }

    /**
     * A client connected: queued conversations of its merchant are assigned to it, then every
     * customer message of its conversations that it has not acknowledged is sent again, in order.
     */
    public int replayToClient(UUID clientId) {
        MerchantClient client = directory.findClient(clientId).orElse(null);
        if (client == null) {
            return 0;
        }
        Instant now = Instant.now();
        client.seen(now);
        conversations.lockQueued(client.merchant().id()).forEach(c -> c.assignTo(client, now));
        conversations.flush();
        PeerChannel channel = peers.client(clientId).orElse(null);
        if (channel == null) {
            return 0;
        }
        List<ChatMessage> pending = messages.undeliveredTo(clientId);
        pending.forEach(m -> channel.send(toClient(m)));
        if (!pending.isEmpty()) {
            LOG.infof("Replayed %d undelivered messages to client %s", pending.size(), clientId);
        }
        return pending.size();
    }

    /**
     * A client just received conversations from a client that went away: it gets, in order, every
     * customer message of those conversations that was not delivered or that no answer refers to,
     * so questions the gone client saw but never answered are not left hanging.
     */
    public int replayForNewHolder(UUID clientId, Collection<UUID> conversationIds) {
        PeerChannel channel = peers.client(clientId).orElse(null);
        if (channel == null || conversationIds.isEmpty()) {
            return 0;
        }
        List<ChatMessage> open = messages.openQuestions(conversationIds, clientId);
        open.forEach(m -> channel.send(toClient(m)));
        LOG.infof("Handed %d unanswered or undelivered messages of %d conversations to client %s", open.size(),
                conversationIds.size(), clientId);
        return open.size();
    }

    /**
     * Customer messages that their client, connected to this node, has not acknowledged within
     * {@code after} (and not older than an hour) are sent to it again; the client drops copies it
     * already holds and acknowledges again. Returns how many were resent.
     */
    public int retryUnacknowledged(java.time.Duration after) {
        int resent = 0;
        for (ChatMessage m : unacknowledged(true, peers.localClientIds(), after)) {
            Optional<PeerChannel> client = peers.client(m.conversation().clientId());
            if (client.isPresent() && client.get().send(toClient(m))) {
                resent++;
            }
        }
        if (resent > 0) {
            LOG.infof("Resent %d customer messages not acknowledged within %s", resent, after);
        }
        return resent;
    }

    /**
     * Answers that no tab of their customer has acknowledged within {@code after} (and not older
     * than an hour) are sent again to the customer tabs open on this node; the page shows each
     * message once (by id) and acknowledges again. Returns how many frames were resent.
     */
    public int retryUnacknowledgedAnswers(java.time.Duration after) {
        int resent = 0;
        for (ChatMessage m : unacknowledged(false, peers.localConversationIds(), after)) {
            Outbound.Message frame = Outbound.Message.of(m, null);
            for (PeerChannel tab : peers.customers(m.conversation().id())) {
                if (tab.send(frame)) {
                    resent++;
                }
            }
        }
        if (resent > 0) {
            LOG.infof("Resent %d answers not acknowledged by a customer within %s", resent, after);
        }
        return resent;
    }

    /**
     * Messages without a receipt, older than {@code after} and younger than an hour, in order:
     * customer messages of conversations held by {@code local} clients, or answers in {@code local}
     * conversations.
     */
    private List<ChatMessage> unacknowledged(boolean fromCustomers, Set<UUID> local, java.time.Duration after) {
        if (local.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        return messages.unacknowledged(fromCustomers, local, now.minus(after), now.minus(java.time.Duration.ofHours(1)),
                1000);
    }

    /** A customer message as its client sees it: with the customer's masked name. */
    private static Outbound.Message toClient(ChatMessage m) {
        return Outbound.Message.of(m, m.conversation().customerName());
    }
}
