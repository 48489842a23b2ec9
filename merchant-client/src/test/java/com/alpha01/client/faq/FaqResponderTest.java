package com.alpha01.client.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The keyword FAQ answers with the entry's text as written, and names the entry it came from. */
class FaqResponderTest {

    private static FaqResponder faq() throws IOException {
        return FaqResponder.parse(new ByteArrayInputStream("""
                # 示例
                你好|hello => 您好！欢迎光临。
                营业时间|几点开门 => 每天 9:00–21:00 营业。
                * => 店员会尽快回复您。
                """.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_matching_entry_is_answered_as_written_with_its_entry_as_the_source() throws IOException {
        FaqResponder.Found found = faq().find("请问你们几点开门？");

        assertEquals("每天 9:00–21:00 营业。", found.text());
        assertEquals("常见问题 · 第2条", found.source(), "numbered as the knowledge base numbers imported FAQ rows");
        assertEquals(found.text(), faq().answer("请问你们几点开门？"));
    }

    @Test
    void the_fallback_rests_on_no_entry() throws IOException {
        FaqResponder.Found found = faq().find("可以刷卡吗");

        assertEquals("店员会尽快回复您。", found.text());
        assertNull(found.source());
    }
}
