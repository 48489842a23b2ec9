package com.alpha01.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiStateTest {

    private static final String C = "6f0c3a52-0000-4000-8000-000000000001";

    private static Frame.Message customer(long seq, String text) {
        return new Frame.Message("m" + seq, C, seq, Frame.Sender.CUSTOMER, text, Instant.parse("2026-11-25T10:00:00Z")
                .plusSeconds(seq), "王女士", null);
    }

    @Test
    void the_cache_brings_conversations_back_for_offline_browsing_and_replays_are_not_news() {
        UiState state = new UiState();
        UiState.Change first = state.message(customer(1, "你好"));
        assertTrue(first.newConversation());
        assertNull(state.message(customer(1, "你好")), "a replayed message is not shown twice");
        state.message(new Frame.Message("b2", C, 2, Frame.Sender.BOT, "您好！", Instant.now(), null, 1L));
        state.state(new Frame.State(C, "HUMAN", "李小梅"));
        assertTrue(state.dirty());
        JsonObject cache = state.cache();
        assertFalse(state.dirty());

        UiState restored = new UiState();
        restored.restore(cache);
        JsonObject conversation = restored.snapshot().getJsonArray("conversations").getJsonObject(0);
        assertEquals("王女士", conversation.getString("customer"));
        assertEquals("HUMAN", conversation.getString("state"));
        assertEquals("李小梅", conversation.getString("by"));
        assertEquals(2, conversation.getJsonArray("messages").size());
        assertEquals(1, conversation.getJsonArray("messages").getJsonObject(1).getInt("inReplyTo"));
        assertTrue(conversation.getJsonArray("messages").getJsonObject(0).getBoolean("old"),
                "cached messages are marked old: they do not count as unread again");
        assertEquals(Map.of(C, 2L), restored.highestSeqs());
        assertNull(restored.message(customer(1, "你好")));
    }

    @Test
    void asking_for_a_person_is_a_hand_off_request_once_until_staff_answer() {
        UiState state = new UiState();
        state.message(customer(1, "你好"));
        UiState.Change ask = state.message(customer(2, "请帮我转人工"));
        assertNotNull(ask);
        assertTrue(ask.handoffRequest());
        assertTrue(ask.conversation().getBoolean("needsStaff"));
        assertFalse(state.message(customer(3, "人工！")).handoffRequest(), "one notice per request");
        state.message(new Frame.Message("s4", C, 4, Frame.Sender.STAFF, "您好，我是店员", Instant.now(), null, null));
        assertTrue(state.message(customer(5, "再找一下店员")).handoffRequest());
    }
}
