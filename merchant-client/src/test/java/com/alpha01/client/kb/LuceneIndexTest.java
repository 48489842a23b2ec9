package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

class LuceneIndexTest {

    private static final LuceneIndex.Vectors[] ENTRY = {LuceneIndex.Vectors.ENTRY};

    private static IndexedEntry entry(String id, String text, float... vector) {
        return new IndexedEntry(new KnowledgeEntry(id, "d", null, text, "s"), new float[][] {vector});
    }

    @Test
    void terms_are_chinese_bigrams_topic_characters_and_ascii_words() {
        Map<String, Integer> tf = Tokens.termFrequencies("Ｗｉ－Ｆｉ的密码");
        assertEquals(Map.of("wi", 1, "fi", 1, "的密", 1, "密码", 1, "密", 1, "码", 1), tf);
    }

    @Test
    void the_entry_sharing_the_query_words_wins_with_a_score_between_zero_and_one() {
        LuceneIndex index = new LuceneIndex();
        index.add(entry("p", "商场地下二层有停车场，消费满五十元免费停车两小时。", 1, 0), ENTRY);
        index.add(entry("w", "店内无线网络名称为 Alpha01-Guest。", 0, 1), ENTRY);
        index.refresh();

        Map<String, Double> scores = index.keyword(Tokens.termFrequencies("停车场在哪"), 10);
        assertEquals(List.of("p"), List.copyOf(scores.keySet()));
        assertTrue(scores.get("p") > 0 && scores.get("p") <= 1, "score " + scores.get("p"));
        assertTrue(index.keyword(Tokens.termFrequencies("alpha01"), 10).get("w") > 0);
        assertEquals(Map.of(), index.keyword(Tokens.termFrequencies("停车场"), List.of("w")), "only the entries asked for");
    }

    @Test
    void query_words_no_entry_has_lower_the_score() {
        LuceneIndex index = new LuceneIndex();
        index.add(entry("p", "商场地下二层有停车场。", 1, 0), ENTRY);
        index.add(entry("x", "拿铁二十二元。", 0, 1), ENTRY);
        index.refresh();
        double focused = index.keyword(Tokens.termFrequencies("停车场"), 1).get("p");
        double diluted = index.keyword(Tokens.termFrequencies("停车场附近的股票交易所"), 1).get("p");
        assertTrue(diluted < focused / 2, focused + " vs " + diluted);
        assertTrue(index.idf("股票") > index.idf("停车"), "a word no entry has is the rarest");
    }

    @Test
    void the_nearest_vectors_come_first() {
        LuceneIndex index = new LuceneIndex();
        index.add(entry("p", "停车场", 1, 0), ENTRY);
        index.add(entry("x", "拿铁", 0.6f, 0.8f), ENTRY);
        index.add(entry("y", "蛋糕", 0, 1), ENTRY);
        index.refresh();
        assertEquals(List.of("y", "x"), index.nearest(LuceneIndex.Vectors.ENTRY, new float[] {0, 1}, 2));
        assertEquals(List.of(), index.nearest(LuceneIndex.Vectors.ANSWER, new float[] {0, 1}, 2), "no answer vectors");
    }

    @Test
    void a_removed_entry_is_no_longer_found_once_refreshed() {
        LuceneIndex index = new LuceneIndex();
        index.add(entry("p", "停车场", 1, 0), ENTRY);
        index.refresh();
        index.remove("p");
        assertEquals(List.of("p"), List.copyOf(index.keyword(Tokens.termFrequencies("停车场"), 10).keySet()), "not before");
        index.refresh();
        assertTrue(index.keyword(Tokens.termFrequencies("停车场"), 10).isEmpty());
        assertTrue(index.nearest(LuceneIndex.Vectors.ENTRY, new float[] {1, 0}, 5).isEmpty());
    }

    @Test
    void a_query_of_thousands_of_terms_is_searched_not_refused() {
        LuceneIndex index = new LuceneIndex();
        index.add(entry("p", "商场地下二层有停车场。", 1, 0), ENTRY);
        index.add(entry("x", "拿铁二十二元。", 0, 1), ENTRY);
        index.refresh();
        StringBuilder pasted = new StringBuilder("停车场");
        for (int i = 0; pasted.length() < 4000; i++) {
            pasted.append((char) ('一' + (i * 7919) % 20000));
        }
        Map<String, Integer> terms = Tokens.termFrequencies(pasted.toString());
        assertTrue(terms.size() > IndexSearcher.getMaxClauseCount(), "terms: " + terms.size());
        // Found, and first: its whole word 停车场 is in the query; the random characters may touch the other.
        assertEquals("p", index.keyword(terms, 10).keySet().iterator().next());
        assertTrue(index.keyword(terms, List.of("p", "x")).containsKey("p"));
    }
}
