package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import org.junit.jupiter.api.Test;

class ConversationMemoriesTest {

    @Test
    void should_forget_the_least_recently_used_conversation_beyond_the_bound() {
        ConversationMemories memories = new ConversationMemories(2, 10);
        ChatMemory first = memories.get("c1");
        first.add(UserMessage.from("你好"));
        ChatMemory second = memories.get("c2");
        second.add(UserMessage.from("在吗"));
        memories.get("c1");

        memories.get("c3");

        assertEquals(2, memories.size());
        assertSame(first, memories.get("c1"), "used recently, kept");
        ChatMemory again = memories.get("c2");
        assertNotSame(second, again);
        assertTrue(again.messages().isEmpty(), "c2 was forgotten and starts afresh");
    }

    @Test
    void should_keep_a_window_of_messages_per_conversation() {
        ConversationMemories memories = new ConversationMemories(5, 3);
        ChatMemory memory = memories.get("c1");
        for (int i = 0; i < 5; i++) {
            memory.add(UserMessage.from("问题 " + i));
        }

        assertEquals(3, memory.messages().size());
    }
}
