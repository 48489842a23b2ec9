package com.alpha01.server.chat.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened to conversations besides their messages, for the shop's figures: who answers changed
 * (take-over, hand-back, close; V11 {@code conversation_event}) and the customers' ratings of closed
 * conversations ({@code conversation_rating}).
 */
public interface ConversationJournal {

    /** Kinds of change recorded. */
    enum EventKind { TAKEOVER, HANDBACK, CLOSE }

    /** Who made a change: staff (or the client's assistant or automation, through it), or the idle close. */
    enum Actor { STAFF, IDLE }

    /** A rating of the conversation as it was closed after message {@code upToSeq}. */
    record Rating(UUID conversationId, long upToSeq, int score, String comment, Instant ratedAt) {
    }

    void record(Conversation c, EventKind kind, Actor actor, String staffName, Instant at);

    Optional<Rating> rating(UUID conversationId, long upToSeq);

    /** Stores the rating unless one exists for that closing; returns the one stored (this or the earlier one). */
    Rating rate(Conversation c, int score, String comment, Instant at);
}
