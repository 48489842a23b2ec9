package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.kb.KnowledgeSearch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extractive answer quotes the passage that matched as the shop wrote it — no 根据《…》 heading — keeps its
 * source beside the text, and comes only from a confident hit.
 */
class OfflineAnswersTest {

    private static final String CHUNK = "店里出售两百五十克装的咖啡豆，每袋六十八元，可以免费帮您磨成粉。"
            + "我们长期招聘兼职咖啡师，要求年满十八周岁，每周至少能上三个班，无经验可以培训。"
            + "所有甜点都在店内现烤，每天下午两点出炉第二批。芝士蛋糕含有鸡蛋和乳制品，布朗尼含有坚果。"
            + "外带每杯加收一元包装费，自带杯子可以立减两元。外卖只配送门店三公里以内，满三十九元免配送费。";

    private static KnowledgeSearch returning(KnowledgeSearch.Hit hit, boolean confident) {
        return new KnowledgeSearch() {
            @Override
            public List<Hit> search(String query, int k) {
                return List.of(hit);
            }

            @Override
            public boolean confident(Hit h) {
                return confident;
            }
        };
    }

    @Test
    void should_quote_the_matching_passage_of_a_long_chunk_not_its_start() {
        String passage = "外带每杯加收一元包装费，自带杯子可以立减两元。外卖只配送门店三公里以内，满三十九元免配送费。";
        var hit = new KnowledgeSearch.Hit("d-1", CHUNK, "handbook.pdf · 第2页", 0.41, passage);

        Answer answer = new OfflineAnswers(returning(hit, true)).extractive("能送到五公里外吗？").orElseThrow();

        assertEquals(passage, answer.text());
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals("handbook.pdf · 第2页", answer.source());
        assertEquals("handbook.pdf · 第2页", answer.shownSource(), "shown to the customer beside the quote");
        assertTrue(CHUNK.length() > 150 && !OfflineAnswers.excerpt(CHUNK).contains("三公里"),
                "the chunk's start alone would not have answered");
    }

    @Test
    void should_quote_an_faq_answer_as_it_is_written_with_its_entry_as_the_source() {
        var hit = new KnowledgeSearch.Hit("faq-3", "每天早上九点开门，晚上九点打烊。", "常见问题 · 第3条", 0.8);

        Answer answer = new OfflineAnswers(returning(hit, true)).extractive("你们几点开门").orElseThrow();

        assertEquals("每天早上九点开门，晚上九点打烊。", answer.text());
        assertFalse(answer.text().contains("根据") || answer.text().contains("《"), answer.text());
        assertEquals("常见问题 · 第3条", answer.shownSource());
    }

    @Test
    void should_name_the_shops_material_when_a_hit_has_no_source() {
        var hit = new KnowledgeSearch.Hit("d-2", "可以开发票。", " ", 0.8);

        Answer answer = new OfflineAnswers(returning(hit, true)).extractive("能开发票吗").orElseThrow();

        assertEquals("可以开发票。", answer.text());
        assertEquals("店铺资料", answer.source());
    }

    @Test
    void should_show_no_source_with_a_greeting_a_hand_off_or_a_fallback() {
        assertNull(new Answer("您好！欢迎光临", Answer.Kind.GREETING, "常见问题 · 第1条", null).shownSource());
        StaffNote note = new StaffNote(StaffNote.Reason.NO_ANSWER, "", "王女士", List.of("在吗"));
        assertNull(new Answer("已为您转人工", Answer.Kind.HANDOFF, "常见问题 · 第7条", note).shownSource());
        assertNull(new Answer("店员会尽快回复您", Answer.Kind.FALLBACK, null, note).shownSource());
        assertEquals("菜单.pdf · 第1页", new Answer("拿铁22元", Answer.Kind.AI, "菜单.pdf · 第1页", null).shownSource());
    }

    @Test
    void should_not_answer_from_a_hit_that_is_not_confident() {
        var hit = new KnowledgeSearch.Hit("d-1", CHUNK, "handbook.pdf · 第2页", 0.22);

        assertTrue(new OfflineAnswers(returning(hit, false)).extractive("能送到五公里外吗？").isEmpty());
    }
}
