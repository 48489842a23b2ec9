package com.alpha01.server.chat.application;

/** What staff at a merchant client do with a conversation. */
public enum StaffAction {
    /** Take it over from the AI (it moves to this client). */
    TAKEOVER,
    /** Give it back to the AI. */
    HANDBACK,
    /** End it; the customer's next message reopens it. */
    CLOSE
}
