/**
 * The chat model: {@code Conversation} (owns the per-conversation sequence and its state),
 * {@code ChatMessage}, {@code EntryTicket}, and the repository interfaces the application layer
 * reads and writes them through (JPA implementations in {@code chat.infrastructure.persistence}),
 * including {@code Presence} (which client is online on which node) and {@code ShopActivity}
 * (a shop's counts).
 */
package com.alpha01.server.chat.domain;
