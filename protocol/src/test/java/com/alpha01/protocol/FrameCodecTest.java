package com.alpha01.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {

    private static final String CONV = UUID.randomUUID().toString();

    @Test
    void every_frame_survives_a_round_trip() throws ProtocolException {
        List<Frame> frames = List.of(
                new Frame.Send("msg-0001", "你好"),
                new Frame.Reply("reply-0001", CONV, "您好，欢迎光临", Frame.Sender.BOT),
                new Frame.Reply("reply-0002", CONV, "Wi-Fi 密码在桌牌上", Frame.Sender.BOT, 7L),
                new Frame.Reply("reply-0003", CONV, "营业时间是九点到九点", Frame.Sender.BOT, 7L, "常见问题 · 第3条"),
                new Frame.Ack("msg-0001", CONV, 7),
                new Frame.Message("msg-0001", CONV, 7, Frame.Sender.CUSTOMER, "你好",
                        Instant.parse("2026-11-24T10:15:30Z"), "顾客 d***", null),
                new Frame.Message("reply-0002", CONV, 8, Frame.Sender.BOT, "Wi-Fi 密码在桌牌上",
                        Instant.parse("2026-11-24T10:15:31Z"), null, 7L),
                new Frame.Message("reply-0003", CONV, 9, Frame.Sender.BOT, "营业时间是九点到九点",
                        Instant.parse("2026-11-24T10:15:32Z"), null, 7L, "常见问题 · 第3条"),
                new Frame.Delivered(CONV, 7),
                new Frame.Read(CONV, 8),
                new Frame.Typing(CONV, true),
                new Frame.Typing(CONV, false),
                new Frame.Draft(CONV, 7, "Wi-Fi 密码"),
                new Frame.Draft(CONV, 7, "Wi-Fi 密码在桌牌上\n<b>不是标记</b>"),
                new Frame.Welcome("peer", "m", "阿尔法咖啡", CONV),
                new Frame.Welcome("peer", "m", "阿尔法咖啡", CONV, "欢迎来到阿尔法咖啡，今天想喝点什么？"),
                new Frame.Error(ErrorCode.RATE_LIMITED, "slow down", "msg-0001"),
                new Frame.Control(Frame.Action.TAKEOVER, CONV),
                new Frame.Control(Frame.Action.HANDBACK, CONV),
                new Frame.Control(Frame.Action.CLOSE, CONV),
                new Frame.State(CONV, "HUMAN", "小美"),
                new Frame.State(CONV, "BOT", null),
                new Frame.Resume(CONV, 0),
                new Frame.Resume(CONV, 12),
                new Frame.Ping(42),
                new Frame.Pong(42),
                new Frame.Report(120, 15, 4, 2, 30, 1, 850, 2300),
                new Frame.Report(0, 0, 0, 0, 0, 0, -1, -1));
        for (Frame frame : frames) {
            assertEquals(frame, FrameCodec.decode(FrameCodec.encode(frame)), frame.type());
        }
    }

    @Test
    void a_report_without_answer_times_has_none_and_bad_counts_are_bad_frames() throws ProtocolException {
        String base = "\"type\":\"report\",\"aiAnswers\":3,\"staffAnswers\":1,\"handOffs\":0,\"modelErrors\":0,"
                + "\"automationRuns\":2,\"automationFailures\":1";
        assertEquals(new Frame.Report(3, 1, 0, 0, 2, 1, -1, -1), FrameCodec.decode("{" + base + "}"));
        assertEquals(new Frame.Report(3, 1, 0, 0, 2, 1, 400, -1),
                FrameCodec.decode("{" + base + ",\"aiAnswerP50Ms\":400,\"aiAnswerP90Ms\":null}"));
        for (String bad : new String[] {
                "{" + base.replace("\"aiAnswers\":3", "\"aiAnswers\":-1") + "}",
                "{" + base.replace("\"aiAnswers\":3", "\"aiAnswers\":1000000000001") + "}",
                "{" + base.replace("\"aiAnswers\":3", "\"aiAnswers\":\"3\"") + "}",
                "{" + base.replace(",\"handOffs\":0", "") + "}",
                "{" + base.replace("\"automationFailures\":1", "\"automationFailures\":3") + "}",
                "{" + base + ",\"aiAnswerP90Ms\":3600001}",
                "{" + base + ",\"aiAnswerP50Ms\":1.5}"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(bad), bad);
            assertEquals(ErrorCode.BAD_FRAME, e.code(), bad);
        }
    }

    @Test
    void control_frames_carry_their_action_as_the_type_and_need_a_conversation() throws ProtocolException {
        assertEquals("{\"type\":\"takeover\",\"conversationId\":\"" + CONV + "\"}",
                FrameCodec.encode(new Frame.Control(Frame.Action.TAKEOVER, CONV)));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"handback\",\"conversationId\":\"42\"}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void typing_is_a_conversation_and_a_json_boolean() throws ProtocolException {
        assertEquals("{\"type\":\"typing\",\"conversationId\":\"" + CONV + "\",\"typing\":true}",
                FrameCodec.encode(new Frame.Typing(CONV, true)));
        assertEquals(new Frame.Typing(CONV, false),
                FrameCodec.decode("{\"type\":\"typing\",\"conversationId\":\"" + CONV + "\",\"typing\":false}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"typing\":\"true\"", ",\"typing\":1", ",\"typing\":null"})
    void typing_without_a_boolean_is_a_bad_frame(String field) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"typing\",\"conversationId\":\"" + CONV + "\"" + field + "}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void deep_nesting_is_refused_before_parsing_while_brackets_inside_text_are_only_text() throws ProtocolException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(deep));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
        ProtocolException inObject = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"send\",\"x\":" + "{\"a\":".repeat(9) + "1" + "}".repeat(9) + "}"));
        assertEquals(ErrorCode.BAD_FRAME, inObject.code());

        String text = "[[[[[[[[[[{{{{{{{{{{ \\\" ]]]] 括号 }}}}";
        Frame.Send send = assertInstanceOf(Frame.Send.class, FrameCodec.decode(FrameCodec.encode(new Frame.Send("msg-0009", text))));
        assertEquals(text, send.text());
    }

    @Test
    void typing_needs_a_conversation_uuid() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"typing\",\"conversationId\":\"x\",\"typing\":true}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void a_draft_is_a_conversation_the_question_it_answers_and_the_whole_text_so_far() throws ProtocolException {
        assertEquals("{\"type\":\"draft\",\"conversationId\":\"" + CONV + "\",\"inReplyTo\":7,\"text\":\"您好，\"}",
                FrameCodec.encode(new Frame.Draft(CONV, 7, "您好，")));
        assertEquals(new Frame.Draft(CONV, 3, "您好，Wi-Fi"), FrameCodec.decode(
                "{\"type\":\"draft\",\"conversationId\":\"" + CONV.toUpperCase(java.util.Locale.ROOT)
                        + "\",\"inReplyTo\":3,\"text\":\"您好，Wi-Fi\",\"extra\":1}"),
                "the conversation id comes out in canonical form, unknown fields are ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"conversationId\":\"x\",\"inReplyTo\":1,\"text\":\"好\"",
            "\"inReplyTo\":1,\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":null,\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":0,\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":-2,\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":1.5,\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":\"1\",\"text\":\"好\"",
            "\"conversationId\":\"%s\",\"inReplyTo\":1",
            "\"conversationId\":\"%s\",\"inReplyTo\":1,\"text\":42"})
    void a_draft_without_its_conversation_question_or_text_is_a_bad_frame(String fields) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"draft\"," + fields.replace("%s", CONV) + "}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
        assertNull(e.ref(), "a draft has no sender id to refer to");
    }

    @Test
    void a_draft_text_follows_the_message_text_rules() throws ProtocolException {
        String limit = "好".repeat(Frame.MAX_TEXT_LENGTH);
        assertEquals(limit, assertInstanceOf(Frame.Draft.class,
                FrameCodec.decode(FrameCodec.encode(new Frame.Draft(CONV, 1, limit)))).text());
        assertEquals("好", assertInstanceOf(Frame.Draft.class,
                FrameCodec.decode(FrameCodec.encode(new Frame.Draft(CONV, 1, "好")))).text(), "one character is enough");
        for (String text : List.of("", "  \n ", limit + "好")) {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> FrameCodec.decode(FrameCodec.encode(new Frame.Draft(CONV, 1, text))));
            assertEquals(ErrorCode.BAD_TEXT, e.code(), "length " + text.length());
        }
    }

    @Test
    void resume_needs_a_last_seq_of_zero_or_more() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"resume\",\"conversationId\":\"" + CONV + "\",\"lastSeq\":-1}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void in_reply_to_must_be_a_positive_sequence_number() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"reply\",\"id\":\"reply-0003\",\"conversationId\":\"" + CONV
                        + "\",\"text\":\"好\",\"inReplyTo\":0}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void reply_without_sender_decodes_with_null_sender() throws ProtocolException {
        Frame f = FrameCodec.decode("{\"type\":\"reply\",\"id\":\"abcdefgh\",\"conversationId\":\"" + CONV
                + "\",\"text\":\"ok\"}");
        assertNull(assertInstanceOf(Frame.Reply.class, f).sender());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[1,2]", "\"text\"", "{\"id\":\"abcdefgh\"}", "{\"type\":\"send\""})
    void malformed_frames_are_bad_frame(String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(text));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void unknown_type_is_reported_with_the_frame_id() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"launch\",\"id\":\"abcdefgh\"}"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertEquals("abcdefgh", e.ref());
    }

    @Test
    void text_over_the_limit_is_refused_and_at_the_limit_accepted() throws ProtocolException {
        String limit = "好".repeat(Frame.MAX_TEXT_LENGTH);
        assertEquals(limit, ((Frame.Send) FrameCodec.decode(FrameCodec.encode(new Frame.Send("abcdefgh", limit)))).text());
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode(FrameCodec.encode(new Frame.Send("abcdefgh", limit + "好"))));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
    }

    @Test
    void blank_text_is_refused() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"send\",\"id\":\"abcdefgh\",\"text\":\"  \"}"));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it", "<script>alert(1)</script>"})
    void sender_ids_outside_the_alphabet_are_refused(String id) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"send\",\"id\":\"" + id + "\",\"text\":\"hi\"}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void conversation_ids_must_be_uuids() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"reply\",\"id\":\"abcdefgh\",\"conversationId\":\"1 OR 1=1\",\"text\":\"x\"}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
        assertEquals("abcdefgh", e.ref());
    }

    @Test
    void sequence_numbers_must_be_positive_integers() {
        assertEquals(ErrorCode.BAD_FRAME, assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"delivered\",\"conversationId\":\"" + CONV + "\",\"seq\":0}")).code());
        assertEquals(ErrorCode.BAD_FRAME, assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"delivered\",\"conversationId\":\"" + CONV + "\",\"seq\":1.5}")).code());
    }
}
