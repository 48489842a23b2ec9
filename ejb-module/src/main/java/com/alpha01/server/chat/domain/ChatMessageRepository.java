package com.alpha01.server.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stored messages. Lists come in {@code seq} order (per conversation), with their conversation
 * fetched, unless they say otherwise.
 */
public interface ChatMessageRepository {

    Optional<ChatMessage> find(UUID id);

    void add(ChatMessage m);

    /** The message a sender stored under its own id (a resend finds it). */
    Optional<ChatMessage> bySenderId(Conversation c, Sender sender, String senderMsgId);

    Optional<ChatMessage> at(Conversation c, long seq);

    /** Message {@code question} (its seq) and the assistant's answers to it, in {@code seq} order. */
    List<ChatMessage> questionAndAnswers(Conversation c, long question);

    /**
     * Records, in one statement, the receipts whose sender is the receiver of their message (the
     * client holding the conversation for a customer's message, its customer for an answer); a
     * message keeps the time of its first receipt. Returns those rightful receipts, recorded now or
     * repeated, each with the time its message was stored when this call recorded its first receipt
     * ({@link Instant#EPOCH} for a repeat); the others name a message that is not theirs or does not exist.
     */
    Map<DeliveryReceipt, Instant> markDelivered(Collection<DeliveryReceipt> receipts, Instant now);

    /**
     * Marks the customer's messages ({@code customerMessages}) or the answers up to {@code seq} read
     * (and delivered); returns how many were not read before.
     */
    int markRead(Conversation c, long seq, boolean customerMessages, Instant now);

    /** Messages after {@code lastSeq}, oldest first, at most {@code limit}. */
    List<ChatMessage> after(UUID conversationId, long lastSeq, int limit);

    /** The newest {@code limit} messages, newest first. */
    List<ChatMessage> newest(UUID conversationId, int limit);

    /** Messages before {@code seq}, newest first, at most {@code limit} (conversation not fetched). */
    List<ChatMessage> before(Conversation c, long seq, int limit);

    /** Customer messages without a receipt in the conversations the client holds. */
    List<ChatMessage> undeliveredTo(UUID clientId);

    /**
     * Customer messages of those conversations (held by the client) that no answer names: what the
     * client before saw but did not answer, or never got. One that was answered was delivered, with
     * or without its receipt.
     */
    List<ChatMessage> openQuestions(Collection<UUID> conversationIds, UUID clientId);

    /**
     * Messages without a receipt, created between {@code oldest} and {@code cutoff}, at most
     * {@code limit}: customer messages of conversations held by the {@code local} clients, or answers
     * in the {@code local} conversations.
     */
    List<ChatMessage> unacknowledged(boolean fromCustomers, Set<UUID> local, Instant cutoff, Instant oldest,
                                     int limit);
}
