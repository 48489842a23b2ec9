package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.Sender;
import java.util.UUID;

/**
 * A merchant client's answer: {@code sender} BOT or STAFF (null: BOT), {@code inReplyTo} the seq of
 * the customer message it answers, if any; {@code source} the label of what it rests on (null: none);
 * {@code kind} how the assistant came to it (the protocol's answer kinds; null: staff or an older client);
 * {@code author} the staff member signed in at the client (kept with STAFF answers only).
 */
public record Answer(UUID conversationId, String senderMsgId, String text, Sender sender, Long inReplyTo,
                     String source, String kind, String author) {

    public Answer(UUID conversationId, String senderMsgId, String text, Sender sender, Long inReplyTo, String source) {
        this(conversationId, senderMsgId, text, sender, inReplyTo, source, null, null);
    }
}
