package com.alpha01.server.chat.application;

import java.util.UUID;

/** An answer the client's assistant is still writing: the whole text so far, answering {@code inReplyTo}. */
public record DraftText(UUID conversationId, long inReplyTo, String text) {
}
