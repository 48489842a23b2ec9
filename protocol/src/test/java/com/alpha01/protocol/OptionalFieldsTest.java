package com.alpha01.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields added after peers were in use — a reply's {@code source}, the customer's
 * {@code welcomeLine} — are optional both ways: frames of older peers without them still decode
 * (absent is null), and frames without a value do not carry the field at all.
 */
class OptionalFieldsTest {

    private static final String CONV = UUID.randomUUID().toString();

    @Test
    void a_reply_carries_its_source_label() throws ProtocolException {
        String json = FrameCodec.encode(new Frame.Reply("reply-0001", CONV, "九点开门", Frame.Sender.BOT, 3L,
                "常见问题 · 第3条"));
        assertTrue(json.contains("\"source\":\"常见问题 · 第3条\""), json);
        assertEquals("常见问题 · 第3条", ((Frame.Reply) FrameCodec.decode(json)).source());
    }

    @Test
    void a_reply_of_an_older_client_without_source_decodes_with_none() throws ProtocolException {
        Frame.Reply reply = (Frame.Reply) FrameCodec.decode("{\"type\":\"reply\",\"id\":\"reply-0001\","
                + "\"conversationId\":\"" + CONV + "\",\"text\":\"马上来\",\"sender\":\"STAFF\"}");
        assertNull(reply.source());
        assertEquals(new Frame.Reply("reply-0001", CONV, "马上来", Frame.Sender.STAFF), reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"source\":null", ",\"source\":\"\"", ",\"source\":\"   \""})
    void a_null_or_blank_source_is_none(String field) throws ProtocolException {
        Frame.Reply reply = (Frame.Reply) FrameCodec.decode("{\"type\":\"reply\",\"id\":\"reply-0001\","
                + "\"conversationId\":\"" + CONV + "\",\"text\":\"好的\"" + field + "}");
        assertNull(reply.source());
    }

    @Test
    void a_source_that_is_not_text_or_too_long_is_a_bad_frame() {
        String head = "{\"type\":\"reply\",\"id\":\"reply-0001\",\"conversationId\":\"" + CONV + "\",\"text\":\"好的\"";
        assertEquals(ErrorCode.BAD_FRAME, assertThrows(ProtocolException.class,
                () -> FrameCodec.decode(head + ",\"source\":42}")).code());
        ProtocolException tooLong = assertThrows(ProtocolException.class, () -> FrameCodec.decode(
                head + ",\"source\":\"" + "长".repeat(Frame.MAX_SOURCE_LENGTH + 1) + "\"}"));
        assertEquals(ErrorCode.BAD_FRAME, tooLong.code());
        assertEquals("reply-0001", tooLong.ref());
    }

    @Test
    void a_message_without_source_has_no_source_field_and_older_messages_decode() throws ProtocolException {
        Frame.Message staff = new Frame.Message("reply-0002", CONV, 4, Frame.Sender.STAFF, "马上来",
                Instant.parse("2026-12-06T10:00:00Z"), null, 3L);
        String json = FrameCodec.encode(staff);
        assertFalse(json.contains("source"), json);
        assertEquals(staff, FrameCodec.decode(json));

        Frame.Message quoted = new Frame.Message("reply-0003", CONV, 5, Frame.Sender.BOT, "九点开门",
                Instant.parse("2026-12-06T10:00:01Z"), null, 3L, "营业须知.pdf · 第1页");
        assertEquals("营业须知.pdf · 第1页", ((Frame.Message) FrameCodec.decode(FrameCodec.encode(quoted))).source());
    }

    @Test
    void a_welcome_carries_the_shops_welcome_line_only_when_set() throws ProtocolException {
        String json = FrameCodec.encode(new Frame.Welcome("peer", "m", "阿尔法面包", CONV, "刚出炉的可颂，欢迎品尝！"));
        assertTrue(json.contains("\"welcomeLine\":\"刚出炉的可颂，欢迎品尝！\""), json);
        assertEquals("刚出炉的可颂，欢迎品尝！", ((Frame.Welcome) FrameCodec.decode(json)).welcomeLine());

        String none = FrameCodec.encode(new Frame.Welcome("peer", "m", "阿尔法面包", CONV));
        assertFalse(none.contains("welcomeLine"), none);
        Frame.Welcome older = (Frame.Welcome) FrameCodec.decode(
                "{\"type\":\"welcome\",\"peerId\":\"p\",\"merchantId\":\"m\",\"merchantName\":\"阿尔法面包\"}");
        assertNull(older.welcomeLine());
        assertNull(older.conversationId());
    }
}
