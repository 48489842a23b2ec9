package com.alpha01.server.chat.domain;

/**
 * Life cycle of a conversation: NEW → BOT (first message) ⇄ HUMAN (staff take over / hand back)
 * → CLOSED (a new customer message reopens it to BOT); QUEUED while no client is online.
 */
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
