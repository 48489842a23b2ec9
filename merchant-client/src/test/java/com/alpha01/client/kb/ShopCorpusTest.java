package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.kb.ShopCorpus.Question;
import com.alpha01.client.kb.ShopCorpus.Shop;
import com.alpha01.client.kb.ShopCorpus.Tally;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval measured on six shops' own FAQ sheets, imported as a shop imports them, and on questions
 * written the way their customers write (issue 13). Two splits: the tuning split, and the held-out
 * shops that no tuning looks at. The figures go to target/kb-shops.txt and docs/knowledge-base.md.
 * The floors sit a little under today's figures, so that a regression fails; they are not the
 * issue's goals, which today's retrieval misses (docs/knowledge-base.md says by how much).
 */
class ShopCorpusTest {

    /** Characters that carry no meaning of their own in a question; the rest are "content". */
    private static final Set<Integer> FUNCTION_CHARS = "的了吗呢啊吧么嘛呀哦喔咯是有在不没你我他她们这那哪个吗什怎么样可以能会要想请问好还就都也和与及或一下些点多少几"
            .codePoints().boxed().collect(Collectors.toSet());

    // Measured 2026-12-06 (bge-small-zh-v1.5-q, the demo FAQ retired by the import; docs/knowledge-base.md):
    //   tuning   top-1 83.2 %, confident precision 97.0 %, coverage 33.6 %, no-answer handed off 97.1 %
    //   held-out top-1 78.1 %, confident precision 96.9 %, coverage 33.3 %, no-answer handed off 96.8 %
    // (before issue 13's ranking and Confidence: held-out 71.4 %, 69.2 %, 72.4 %, 35.5 %).
    // The floors sit a few points under, so float noise between machines passes and a regression does not.
    private static final Map<String, double[]> FLOORS = Map.of(
            // top-1, confident precision, coverage, no-answer handed off
            "tuning", new double[] {0.80, 0.94, 0.30, 0.93},
            "held-out", new double[] {0.75, 0.93, 0.29, 0.92});

    @TempDir
    Path dir;

    @Test
    void the_corpus_has_six_trades_four_hundred_questions_and_a_held_out_third() throws IOException {
        List<Shop> shops = ShopCorpus.load();
        assertTrue(shops.size() >= 6, "shops: " + shops.size());
        assertEquals(Set.of("bakery", "coffee", "clothing", "phone-repair", "pharmacy", "restaurant"),
                shops.stream().map(Shop::id).collect(Collectors.toSet()));
        assertEquals(shops.size() / 3, shops.stream().filter(Shop::heldOut).count(), "a third of the shops is held out");
        int answerable = 0;
        int noAnswer = 0;
        int sharingNothing = 0;
        for (Shop shop : shops) {
            int rows = shop.faqs().size();
            assertTrue(rows >= 20 && rows <= 40, shop.id() + " has " + rows + " rows");
            Map<Integer, Long> asked = shop.questions().stream().filter(Question::answerable)
                    .collect(Collectors.groupingBy(Question::row, Collectors.counting()));
            for (int row = 1; row <= rows; row++) {
                assertTrue(asked.getOrDefault(row, 0L) >= 2, shop.id() + " row " + row + " is asked " + asked.get(row) + " times");
            }
            for (Question q : shop.questions()) {
                assertTrue(q.row() >= 0 && q.row() <= rows, shop.id() + ": " + q);
                if (q.answerable()) {
                    answerable++;
                    String sheet = shop.faqs().get(q.row() - 1).question();
                    assertFalse(bare(sheet).equals(bare(q.text())), shop.id() + " asks the sheet's own words: " + q);
                    if (sharedContent(sheet, q.text()).isEmpty()) {
                        sharingNothing++;
                    }
                } else {
                    noAnswer++;
                }
            }
        }
        assertTrue(answerable >= 400, "answerable questions: " + answerable);
        assertTrue(noAnswer >= 60, "questions the shops have no answer for: " + noAnswer);
        assertTrue(sharingNothing * 4 >= answerable,
                "at least a quarter share no content character with their entry: " + sharingNothing + "/" + answerable);
    }

    @Test
    void retrieval_is_measured_on_both_splits_as_a_shop_meets_it() throws IOException {
        List<Shop> shops = ShopCorpus.load();
        Tally tuning = new Tally();
        Tally heldOut = new Tally();
        for (Shop shop : shops) {
            // As a shop meets it: the app starts with the demo FAQ, then the shop imports its own sheet.
            KnowledgeBase kb = open(shop.id(), true);
            assertTrue(kb.importFile(shop.writeSheet(dir), ImportProgress.NONE).entries() >= shop.faqs().size() - 1, shop.id());
            (shop.heldOut() ? heldOut : tuning).add(shop, kb);
        }
        write(shops, Map.of("tuning", tuning, "held-out", heldOut));
        check("tuning", tuning);
        check("held-out", heldOut);
    }

    private static void check(String split, Tally t) {
        double[] floor = FLOORS.get(split);
        assertTrue(t.top1Rate() >= floor[0], split + " top-1: " + t.line());
        assertTrue(t.confidentPrecision() >= floor[1], split + " confident precision: " + t.line());
        assertTrue(t.coverage() >= floor[2], split + " coverage: " + t.line());
        assertTrue(t.handOffRate() >= floor[3], split + " no-answer hand-off: " + t.line());
    }

    private KnowledgeBase open(String name, boolean seedDemoFaq) throws IOException {
        EncryptedStore store = EncryptedStore.open(dir.resolve(name), StoreKey.passphrase("corpus-test".toCharArray()));
        return KnowledgeBase.builder(store).embeddingModel(CountingEmbeddingModel.bge()).seedWithBuiltInFaq(seedDemoFaq).open();
    }

    private static String bare(String s) {
        return s.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "").toLowerCase();
    }

    private static Set<Integer> sharedContent(String a, String b) {
        Function<String, Set<Integer>> content = s -> s.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !FUNCTION_CHARS.contains(c))
                .boxed().collect(Collectors.toSet());
        Set<Integer> shared = content.apply(a);
        shared.retainAll(content.apply(b));
        return shared;
    }

    private static void write(List<Shop> shops, Map<String, Tally> tallies) throws IOException {
        StringBuilder report = new StringBuilder("retrieval on the shop corpus: ");
        report.append(shops.stream().map(s -> s.id() + (s.heldOut() ? " (held out)" : "")).collect(Collectors.joining(", ")))
                .append('\n');
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            report.append(e.getKey()).append(": ").append(e.getValue().line()).append('\n');
        });
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            report.append("\n== wrong quotes, ").append(e.getKey()).append('\n');
            e.getValue().wrongQuotes.forEach(l -> report.append("  ").append(l).append('\n'));
            report.append("== top-1 misses, ").append(e.getKey()).append('\n');
            e.getValue().misses.forEach(l -> report.append("  ").append(l).append('\n'));
        });
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("kb-shops.txt"), report, StandardCharsets.UTF_8);
    }
}
