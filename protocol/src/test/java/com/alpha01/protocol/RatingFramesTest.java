package com.alpha01.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The customer's rating ({@code rate}, {@code rated}) and a reply's answer {@code kind} on the wire. */
class RatingFramesTest {

    private static final String CONV = UUID.randomUUID().toString();

    @Test
    void a_rating_with_a_comment_survives_the_round_trip() throws ProtocolException {
        Frame.Rate rate = new Frame.Rate(CONV, 4, "咖啡很好喝");
        assertEquals(rate, FrameCodec.decode(FrameCodec.encode(rate)));
        Frame.Rated rated = new Frame.Rated(CONV, 12, 5, null);
        String json = FrameCodec.encode(rated);
        assertFalse(json.contains("comment"), json);
        assertEquals(rated, FrameCodec.decode(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "-1", "3.5", "\"4\"", "null"})
    void a_score_outside_one_to_five_is_a_bad_frame(String score) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"rate\",\"conversationId\":\"" + CONV + "\",\"score\":" + score + "}"));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
    }

    @Test
    void a_blank_comment_is_none_and_a_long_one_is_bad_text() throws ProtocolException {
        String head = "{\"type\":\"rate\",\"conversationId\":\"" + CONV + "\",\"score\":3,\"comment\":";
        assertNull(((Frame.Rate) FrameCodec.decode(head + "\"   \"}")).comment());
        assertNull(((Frame.Rate) FrameCodec.decode(head + "null}")).comment());
        assertEquals(ErrorCode.BAD_TEXT, assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                head + "\"" + "好".repeat(Frame.MAX_COMMENT_LENGTH + 1) + "\"}")).code());
        assertEquals(ErrorCode.BAD_FRAME, assertThrows(ProtocolException.class,
                () -> FrameCodec.decode(head + "7}")).code());
    }

    @Test
    void a_reply_names_its_kind_and_an_older_one_has_none() throws ProtocolException {
        Frame.Reply reply = new Frame.Reply("reply-0001", CONV, "请稍等，店员马上来", Frame.Sender.BOT, 2L, null,
                Frame.AnswerKind.HANDOFF);
        assertEquals(reply, FrameCodec.decode(FrameCodec.encode(reply)));
        assertNull(((Frame.Reply) FrameCodec.decode("{\"type\":\"reply\",\"id\":\"reply-0001\",\"conversationId\":\""
                + CONV + "\",\"text\":\"好\"}")).kind());
        assertEquals(ErrorCode.BAD_FRAME, assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                "{\"type\":\"reply\",\"id\":\"reply-0001\",\"conversationId\":\"" + CONV
                        + "\",\"text\":\"好\",\"kind\":\"MAGIC\"}")).code());
    }
}
