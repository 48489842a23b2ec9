package com.alpha01.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void emoji_right_to_left_combining_marks_and_control_characters_are_kept() {
        assertTrue(Texts.storable("拿铁 ☕ 👩‍👩‍👧 مرحبا e\u0301 \u202Eabc \t\u0007"));
    }

    @Test
    void nul_and_half_surrogate_pairs_are_not_storable() {
        assertFalse(Texts.storable("a\u0000b"));
        assertFalse(Texts.storable("\ud83d"));
        assertFalse(Texts.storable("x\ude00y"));
        assertFalse(Texts.storable("\ud83d\ud83d\ude00"));
    }

    @Test
    void a_frame_with_such_text_is_refused_bad_text_with_its_id() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"send\",\"id\":\"nul-0001\",\"text\":\"a\\u0000b\"}"));
        assertEquals(ErrorCode.BAD_TEXT, e.code());
        assertEquals(ErrorCode.BAD_TEXT, assertThrows(ProtocolException.class,
                () -> FrameCodec.decode("{\"type\":\"send\",\"id\":\"sur-0001\",\"text\":\"\\ud800\"}")).code());
    }
}
