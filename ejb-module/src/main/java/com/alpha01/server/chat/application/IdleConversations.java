package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationJournal;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Conversations nobody wrote in for a while end by themselves (issue 17): a BOT or HUMAN conversation
 * without a message or a change for {@code ALPHA01_CONVERSATION_IDLE_SECONDS} (1800) is closed, recorded as
 * closed by IDLE, and its customer's tabs and client are told (the page then offers the rating). Each
 * conversation is closed in a transaction of its own, under its lock and after checking again that it is
 * still idle, so a message arriving meanwhile keeps it open.
 */
@Stateless
public class IdleConversations {

    private static final Logger LOG = Logger.getLogger(IdleConversations.class);
    /** Closed per round at most; the next round (15 s later, AnalyticsTimer) takes the rest. */
    static final int BATCH = 200;

    @Inject
    ConversationRepository conversations;

    @Inject
    ConversationJournal journal;

    @Inject
    IdleConversations self;

    @Inject
    Relay relay;

    /** One round: closes what is idle longer than {@code idle}, then tells both sides. Returns how many closed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int closeIdle(Duration idle) {
        Instant before = Instant.now().minus(idle);
        List<UUID> candidates = self.candidates(before);
        List<ChatService.StateChange> closed = new ArrayList<>();
        for (UUID id : candidates) {
            self.closeIfIdle(id, before).ifPresent(closed::add);
        }
        for (ChatService.StateChange change : closed) {
            relay.toCustomers(change.state().conversationId(), change.state());
            if (change.previousClientId() != null) {
                relay.toClient(change.previousClientId(), change.state());
            }
        }
        if (!closed.isEmpty()) {
            LOG.infof("Closed %d conversations idle for %d min", closed.size(), idle.toMinutes());
        }
        return closed.size();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> candidates(Instant before) {
        return conversations.idleSince(before, BATCH);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<ChatService.StateChange> closeIfIdle(UUID id, Instant before) {
        return conversations.lock(id)
                .filter(c -> (c.state() == ConversationState.BOT || c.state() == ConversationState.HUMAN)
                        && c.updatedAt().isBefore(before))
                .map(c -> close(c));
    }

    private ChatService.StateChange close(Conversation c) {
        Instant now = Instant.now();
        c.close(now);
        journal.record(c, ConversationJournal.EventKind.CLOSE, ConversationJournal.Actor.IDLE, null, now);
        return new ChatService.StateChange(new Outbound.State(c.id(), ConversationState.CLOSED, null), c.clientId());
    }
}
