package com.alpha01.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An answer's source travels with it into what the 会话 screen shows and the conversation cache keeps
 * (field {@code source} of the message), and survives a restart; answers without one carry no field.
 */
class ConversationSourceTest {

    private static final String C = "6f0c3a52-0000-4000-8000-000000000002";

    @Test
    void the_source_of_an_answer_is_shown_cached_and_restored() {
        UiState state = new UiState();
        state.message(new Frame.Message("m1", C, 1, Frame.Sender.CUSTOMER, "几点开门", Instant.now(), "王女士", null));
        UiState.Change quoted = state.message(new Frame.Message("b2", C, 2, Frame.Sender.BOT, "每天九点开门。",
                Instant.now(), null, 1L, "营业须知.pdf · 第1页"));
        state.message(new Frame.Message("s3", C, 3, Frame.Sender.STAFF, "欢迎您来", Instant.now(), null, null));

        assertEquals("营业须知.pdf · 第1页", quoted.message().getString("source"));

        UiState restored = new UiState();
        restored.restore(state.cache());
        var messages = restored.snapshot().getJsonArray("conversations").getJsonObject(0).getJsonArray("messages");
        JsonObject answer = messages.getJsonObject(1);
        assertEquals("每天九点开门。", answer.getString("text"));
        assertEquals("营业须知.pdf · 第1页", answer.getString("source"));
        assertFalse(messages.getJsonObject(0).containsKey("source"), "a customer's message has no source");
        assertFalse(messages.getJsonObject(2).containsKey("source"), "nor has staff's answer");
    }
}
