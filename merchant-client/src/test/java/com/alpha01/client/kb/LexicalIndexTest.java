package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {

    private static IndexedEntry entry(String id, String text) {
        return new IndexedEntry(new KnowledgeEntry(id, "d", null, text, "s"), new float[][] {{1f}});
    }

    @Test
    void terms_are_chinese_bigrams_topic_characters_and_ascii_words() {
        Map<String, Integer> tf = Tokens.termFrequencies("Ｗｉ－Ｆｉ的密码");
        assertEquals(Map.of("wi", 1, "fi", 1, "的密", 1, "密码", 1, "密", 1, "码", 1), tf);
    }

    @Test
    void the_entry_sharing_the_query_words_wins_with_a_score_between_zero_and_one() {
        LexicalIndex<IndexedEntry> index = new LexicalIndex<>();
        IndexedEntry parking = entry("p", "商场地下二层有停车场，消费满五十元免费停车两小时。");
        IndexedEntry wifi = entry("w", "店内无线网络名称为 Alpha01-Guest。");
        index.add(parking);
        index.add(wifi);

        Map<IndexedEntry, Double> scores = index.score(Tokens.termFrequencies("停车场在哪"));
        assertTrue(scores.get(parking) > 0 && scores.get(parking) <= 1);
        assertEquals(0.0, scores.getOrDefault(wifi, 0.0));
        assertTrue(index.score(Tokens.termFrequencies("alpha01")).get(wifi) > 0);
    }

    @Test
    void query_words_no_entry_has_lower_the_score() {
        LexicalIndex<IndexedEntry> index = new LexicalIndex<>();
        IndexedEntry parking = entry("p", "商场地下二层有停车场。");
        index.add(parking);
        index.add(entry("x", "拿铁二十二元。"));
        double focused = index.score(Tokens.termFrequencies("停车场")).get(parking);
        double diluted = index.score(Tokens.termFrequencies("停车场附近的股票交易所")).get(parking);
        assertTrue(diluted < focused / 2, focused + " vs " + diluted);
    }

    @Test
    void a_removed_entry_is_no_longer_found() {
        LexicalIndex<IndexedEntry> index = new LexicalIndex<>();
        IndexedEntry parking = entry("p", "停车场");
        index.add(parking);
        index.remove(parking);
        assertTrue(index.score(Tokens.termFrequencies("停车场")).isEmpty());
        assertEquals(0, index.size());
    }
}
