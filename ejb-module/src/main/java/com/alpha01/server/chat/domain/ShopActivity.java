package com.alpha01.server.chat.domain;

import java.time.Instant;
import java.util.UUID;

/** Counts over one merchant's conversations and messages, for its figures. */
public interface ShopActivity {

    /**
     * Customer messages in a period and how they were answered (an answer is a message naming the
     * question in {@code inReplyTo}; a question counts for whoever wrote its first answer).
     */
    record Questions(long conversations, long customerMessages, long answered, long answeredByBot,
                     long answeredByStaff) {
    }

    /** The merchant's conversations now: QUEUED, and not CLOSED. */
    record Conversations(long queued, long open) {
    }

    Questions questions(UUID merchantId, Instant from, Instant to);

    Conversations conversations(UUID merchantId);
}
