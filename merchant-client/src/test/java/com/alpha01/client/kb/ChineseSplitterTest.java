package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.kb.ChineseSplitter.Chunk;
import com.alpha01.client.kb.ParsedDocument.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseSplitterTest {

    private static String sentences(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("第").append(i).append("句话讲的是本店的一项服务，内容大约三十个字左右。");
        }
        return s.toString();
    }

    @Test
    void sentences_end_at_chinese_and_ascii_marks_and_line_breaks() {
        assertEquals(List.of("营业到九点。", "真的吗？！", "“好的。”", "Open daily. ", "- 第一项\n", "- 第二项"),
                ChineseSplitter.sentences("营业到九点。真的吗？！“好的。”Open daily. - 第一项\n- 第二项"));
    }

    @Test
    void chunks_stay_under_the_maximum_and_fill_up_to_the_target() {
        List<Chunk> chunks = ChineseSplitter.split(List.of(new Block("第1行", sentences(60), false)));

        assertTrue(chunks.size() > 3);
        for (int i = 0; i < chunks.size(); i++) {
            int length = chunks.get(i).text().length();
            assertTrue(length <= ChineseSplitter.MAX, "chunk " + i + " has " + length);
            assertTrue(i == chunks.size() - 1 || length >= ChineseSplitter.TARGET, "chunk " + i + " has " + length);
        }
    }

    @Test
    void a_chunk_starts_with_the_last_short_sentence_of_the_one_before() {
        List<Chunk> chunks = ChineseSplitter.split(List.of(new Block("第1行", sentences(30), false)));
        List<String> first = ChineseSplitter.sentences(chunks.get(0).text());
        assertTrue(chunks.get(1).text().startsWith(first.get(first.size() - 1)));
    }

    @Test
    void a_heading_starts_a_new_chunk_and_small_blocks_are_packed_with_a_spanning_label() {
        List<Chunk> chunks = ChineseSplitter.split(List.of(
                new Block("第1页", "美式十八元。", false),
                new Block("第2页", "拿铁二十二元。", false),
                new Block("退款", "退款\n三十分钟内可退。", true)));

        assertEquals(List.of(new Chunk("第1–2页", "美式十八元。\n拿铁二十二元。"), new Chunk("退款", "退款\n三十分钟内可退。")), chunks);
    }

    @Test
    void a_sentence_longer_than_a_chunk_is_cut_at_commas() {
        String longSentence = "本店提供多种饮品，".repeat(60) + "欢迎品尝。";
        List<String> parts = ChineseSplitter.sentences(longSentence);
        assertTrue(parts.size() > 1);
        assertTrue(parts.stream().allMatch(p -> p.length() <= ChineseSplitter.MAX));
        assertTrue(parts.get(0).endsWith("，"));
        assertEquals(longSentence, String.join("", parts));
    }

    @Test
    void text_without_any_punctuation_is_still_cut_to_size() {
        List<Chunk> chunks = ChineseSplitter.split(List.of(new Block("第1行", "字".repeat(1000), false)));
        assertTrue(chunks.stream().allMatch(c -> c.text().length() <= ChineseSplitter.MAX));
        assertEquals(1000, chunks.stream().mapToInt(c -> c.text().length()).sum());
    }
}
