package com.alpha01.server.chat.domain;

/** Life cycle of a conversation (DESIGN.md flow 7; transitions deepen with the routing issue). */
public enum ConversationState {
    /** Created, no message yet. */
    NEW,
    /** The merchant client's AI answers. */
    BOT,
    /** A staff member answers. */
    HUMAN,
    /** No merchant client online; messages wait. */
    QUEUED,
    CLOSED
}
