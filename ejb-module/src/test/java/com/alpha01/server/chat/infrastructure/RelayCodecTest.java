package com.alpha01.server.chat.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.Sender;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelayCodecTest {

    private static final UUID CONVERSATION = UUID.fromString("6f1c0d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f");

    @Test
    void every_relayed_kind_arrives_on_the_other_node_as_it_left() {
        List<Outbound> relayed = List.of(
                new Outbound.Message(CONVERSATION, 7, "msg-0000001", Sender.CUSTOMER, "有燕麦奶吗？\n\"引号\"",
                        Instant.parse("2026-12-06T10:15:30.123456Z"), "顾客 a***@example.com", null, null),
                new Outbound.Message(CONVERSATION, 8, "answer-0001", Sender.BOT, "有的", Instant.EPOCH, null, 7L, null),
                new Outbound.Message(CONVERSATION, 9, "answer-0002", Sender.BOT, "有燕麦奶，加三元", Instant.EPOCH, null,
                        7L, "常见问题 · 第3条"),
                new Outbound.State(CONVERSATION, ConversationState.HUMAN, "王小明"),
                new Outbound.State(CONVERSATION, ConversationState.BOT, null),
                new Outbound.Read(CONVERSATION, 8),
                new Outbound.Typing(CONVERSATION, true),
                new Outbound.Typing(CONVERSATION, false),
                new Outbound.Draft(CONVERSATION, 7, "有的，燕麦"),
                new Outbound.Rated(CONVERSATION, 9, 5, "很周到"),
                new Outbound.Rated(CONVERSATION, 9, 2, null));
        for (Outbound o : relayed) {
            assertEquals(o, RelayCodec.decode(RelayCodec.encode(o)));
        }
    }

    @Test
    void a_message_relayed_by_a_node_of_the_previous_build_has_no_source() {
        Outbound.Message m = (Outbound.Message) RelayCodec.decode("{\"kind\":\"Message\",\"conversationId\":\""
                + CONVERSATION + "\",\"seq\":8,\"id\":\"answer-0001\",\"sender\":\"STAFF\",\"text\":\"马上来\","
                + "\"at\":\"2026-12-06T10:15:30Z\",\"inReplyTo\":7}");
        assertNull(m.source());
        assertEquals(7L, m.inReplyTo());
        assertFalse(RelayCodec.encode(m).contains("source"), "no source field when there is none");
    }

    @Test
    void a_welcome_is_never_relayed_and_an_unknown_kind_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> RelayCodec.encode(
                new Outbound.Welcome("peer", UUID.randomUUID(), "店", null, null)));
        assertThrows(IllegalArgumentException.class, () -> RelayCodec.decode(
                "{\"kind\":\"Welcome\",\"conversationId\":\"" + CONVERSATION + "\"}"));
    }
}
