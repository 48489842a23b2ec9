package com.alpha01.server.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void should_mask_email_local_part() {
        assertEquals("z***@example.com", Masking.mask("zhang.san@example.com"));
    }

    @Test
    void should_keep_only_prefix_and_suffix_of_phone_numbers() {
        assertEquals("138****5678", Masking.mask("13812345678"));
        assertEquals("861****5678", Masking.mask("+86 138 1234 5678"));
        assertFalse(Masking.mask("+86 138 1234 5678").contains("1234"));
    }

    @Test
    void should_mask_plain_names_and_blanks() {
        assertEquals("d***r", Masking.mask("demo-customer"));
        assertEquals("***", Masking.mask(null));
        assertEquals("王*", Masking.mask("王五"));
    }
}
