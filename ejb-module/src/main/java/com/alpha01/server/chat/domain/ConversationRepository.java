package com.alpha01.server.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Conversations as stored. Methods named {@code lock…} take the row lock ({@code PESSIMISTIC_WRITE})
 * that guards the per-conversation sequence; they need the caller's transaction.
 */
public interface ConversationRepository {

    Optional<Conversation> find(UUID id);

    Optional<Conversation> lock(UUID id);

    /** Reads the row again under its lock: never write back a stale {@code last_seq}. */
    void relock(Conversation c);

    void add(Conversation c);

    /** Writes pending changes now, so that the queries that follow see them. */
    void flush();

    /** The customer's latest conversation with the merchant, locked. */
    Optional<Conversation> lockLatest(UUID merchantId, String customerSubject);

    /** The merchant's QUEUED conversations, locked. */
    List<Conversation> lockQueued(UUID merchantId);

    /** Every QUEUED conversation (the failover sweep assigns them). */
    List<Conversation> queued();

    /** How many conversations wait QUEUED (no client of their shop online), and in how many shops. */
    Waiting waiting();

    record Waiting(long conversations, long shops) {
    }

    /**
     * Conversations in one of the {@code open} states whose client holds no live socket on any node
     * (none named, or a heartbeat not after {@code fresh}) and was last seen before {@code cutoff}.
     */
    List<Conversation> stranded(Collection<ConversationState> open, Instant fresh, Instant cutoff);

    /** Open (not CLOSED) conversations per client, for those of {@code clientIds} that have any. */
    Map<UUID, Long> openLoad(Set<UUID> clientIds);

    /** Who is in a conversation, without loading it: for typing indicators and drafts. */
    record Parties(String customerSubject, UUID clientId, long lastSeq) {
    }

    Optional<Parties> parties(UUID conversationId);

    /** Up to {@code limit} conversations answered by the AI or staff (BOT, HUMAN) with no change since {@code before}. */
    List<UUID> idleSince(Instant before, int limit);

    /**
     * One failover sweep at a time in the cluster: a transaction-scoped lock taken without waiting;
     * false when another node holds it.
     */
    boolean tryLockSweep();
}
