package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.application.Answer;
import com.alpha01.server.chat.application.ChatService;
import com.alpha01.server.chat.application.DraftText;
import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.application.Question;
import com.alpha01.server.chat.application.StaffAction;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.Sender;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrameMapperTest {

    private static final UUID CONV = UUID.fromString("0b6c1f7e-3d2a-4e5f-8a9b-1c2d3e4f5a6b");
    private static final String C = CONV.toString();

    @Test
    void inbound_frames_become_the_use_cases_commands() {
        assertEquals(new Question("msg-0000001", "你好"), FrameMapper.question(new Frame.Send("msg-0000001", "你好")));
        assertEquals(new Answer(CONV, "answer-0001", "有的", Sender.STAFF, 3L, null, null, "王店长"),
                FrameMapper.answer(new Frame.Reply("answer-0001", C, "有的", Frame.Sender.STAFF, 3L), "王店长"));
        assertEquals(new Answer(CONV, "answer-0003", "九点开门", Sender.BOT, 3L, "常见问题 · 第3条", "EXTRACTIVE", null),
                FrameMapper.answer(new Frame.Reply("answer-0003", C, "九点开门", Frame.Sender.BOT, 3L, "常见问题 · 第3条",
                        Frame.AnswerKind.EXTRACTIVE), null));
        assertNull(FrameMapper.answer(new Frame.Reply("answer-0002", C, "有的", null, null), null).sender(),
                "no sender on the wire stays none: the use case decides the default (BOT)");
        assertEquals(new DraftText(CONV, 4, "有的，"), FrameMapper.draft(new Frame.Draft(C, 4, "有的，")));
        for (Frame.Action action : Frame.Action.values()) {
            assertEquals(action.name(), FrameMapper.action(action).name());
        }
        assertEquals(StaffAction.HANDBACK, FrameMapper.action(Frame.Action.HANDBACK));
        for (Frame.Sender sender : Frame.Sender.values()) {
            assertEquals(sender.name(), FrameMapper.sender(sender).name());
        }
    }

    @Test
    void a_stored_message_reaches_the_wire_exactly_as_the_protocol_writes_it() {
        Instant at = Instant.parse("2026-12-06T10:15:30Z");
        Frame toClient = FrameMapper.frame(new Outbound.Message(CONV, 5, "msg-0000005", Sender.CUSTOMER, "几点关门",
                at, "顾客 a***", null, null));
        assertEquals(new Frame.Message("msg-0000005", C, 5, Frame.Sender.CUSTOMER, "几点关门", at, "顾客 a***", null),
                toClient);
        Frame toCustomer = FrameMapper.frame(new Outbound.Message(CONV, 6, "answer-0006", Sender.BOT, "十点", at,
                null, 5L, null));
        assertEquals(new Frame.Message("answer-0006", C, 6, Frame.Sender.BOT, "十点", at, null, 5L), toCustomer);
        assertEquals(FrameCodec.encode(new Frame.Message("answer-0006", C, 6, Frame.Sender.BOT, "十点", at, null, 5L)),
                FrameCodec.encode(toCustomer));
        Frame quoted = FrameMapper.frame(new Outbound.Message(CONV, 7, "answer-0007", Sender.BOT, "十点关门", at,
                null, 5L, "营业须知.pdf · 第1页"));
        assertEquals(new Frame.Message("answer-0007", C, 7, Frame.Sender.BOT, "十点关门", at, null, 5L,
                "营业须知.pdf · 第1页"), quoted);
    }

    @Test
    void states_receipts_typing_drafts_and_welcomes_map_to_their_frames() {
        assertEquals(new Frame.State(C, "HUMAN", "王小明"),
                FrameMapper.frame(new Outbound.State(CONV, ConversationState.HUMAN, "王小明")));
        assertEquals(new Frame.State(C, "QUEUED", null),
                FrameMapper.frame(new Outbound.State(CONV, ConversationState.QUEUED, null)));
        assertEquals(new Frame.Read(C, 9), FrameMapper.frame(new Outbound.Read(CONV, 9)));
        assertEquals(new Frame.Typing(C, false), FrameMapper.frame(new Outbound.Typing(CONV, false)));
        assertEquals(new Frame.Draft(C, 2, "草稿"), FrameMapper.frame(new Outbound.Draft(CONV, 2, "草稿")));
        UUID merchant = UUID.randomUUID();
        assertEquals(new Frame.Welcome("client-1", merchant.toString(), "咖啡店", null),
                FrameMapper.frame(new Outbound.Welcome("client-1", merchant, "咖啡店", null, null)));
        assertEquals(new Frame.Welcome("tab-1", merchant.toString(), "咖啡店", C),
                FrameMapper.frame(new Outbound.Welcome("tab-1", merchant, "咖啡店", CONV, null)));
        assertEquals(new Frame.Welcome("tab-2", merchant.toString(), "咖啡店", C, "今天的拿铁第二杯半价！"),
                FrameMapper.frame(new Outbound.Welcome("tab-2", merchant, "咖啡店", CONV, "今天的拿铁第二杯半价！")));
    }

    @Test
    void an_acknowledgement_names_the_senders_id_and_the_stored_seq() {
        assertEquals(new Frame.Ack("msg-0000001", C, 12),
                FrameMapper.ack("msg-0000001", ChatService.Accepted.again(CONV, 12)));
    }
}
