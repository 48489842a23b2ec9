package com.alpha01.client.ai;

/** A customer's message to answer: its conversation, its sequence number there, the text and who wrote it. */
public record Question(String conversationId, long seq, String text, String customerName) {

    public Question {
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId is required");
        }
        text = text == null ? "" : text;
    }
}
