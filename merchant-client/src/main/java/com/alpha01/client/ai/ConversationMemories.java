package com.alpha01.client.ai;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message-window memory per conversation, for at most {@code maxConversations}: the least recently used
 * conversation is forgotten first (it starts afresh if the customer returns).
 */
final class ConversationMemories implements ChatMemoryProvider {

    private final int messagesPerConversation;
    private final Map<Object, ChatMemory> memories;

    ConversationMemories(int maxConversations, int messagesPerConversation) {
        this.messagesPerConversation = messagesPerConversation;
        this.memories = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, ChatMemory> eldest) {
                return size() > maxConversations;
            }
        };
    }

    @Override
    public synchronized ChatMemory get(Object conversationId) {
        return memories.computeIfAbsent(conversationId,
                id -> MessageWindowChatMemory.builder().id(id).maxMessages(messagesPerConversation).build());
    }

    synchronized int size() {
        return memories.size();
    }
}
