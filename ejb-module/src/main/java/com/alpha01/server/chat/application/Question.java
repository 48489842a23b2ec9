package com.alpha01.server.chat.application;

/** A customer's message in their conversation: the sender's own id (idempotency) and the text. */
public record Question(String senderMsgId, String text) {
}
