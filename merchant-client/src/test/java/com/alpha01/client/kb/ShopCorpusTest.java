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

    // As shipped on 2026-12-06 (bge-small-zh-v1.5-q), docs/knowledge-base.md:
    //   tuning   top-1 76.1 %, confident precision 77.9 %, coverage 72.8 %, no-answer handed off 48.5 %
    //   held-out top-1 68.8 %, confident precision 67.1 %, coverage 74.0 %, no-answer handed off 29.0 %
    // The floors sit a few points under, so float noise between machines passes and a regression does not.
    private static final Map<String, double[]> FLOORS = Map.of(
            // top-1, confident precision, coverage, no-answer handed off
            "tuning", new double[] {0.73, 0.74, 0.68, 0.42},
            "held-out", new double[] {0.65, 0.63, 0.68, 0.22});

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
    void retrieval_is_measured_on_both_splits_as_shipped_and_on_the_sheet_alone() throws IOException {
        List<Shop> shops = ShopCorpus.load();
        Tally shippedTuning = new Tally();
        Tally shippedHeld = new Tally();
        Tally aloneTuning = new Tally();
        Tally aloneHeld = new Tally();
        for (Shop shop : shops) {
            Path sheet = shop.writeSheet(dir);
            // As shipped: the knowledge base starts with the built-in demo FAQ, then the shop imports its sheet.
            KnowledgeBase shipped = open(shop.id() + "-shipped", true);
            assertTrue(shipped.importFile(sheet, ImportProgress.NONE).entries() >= shop.faqs().size() - 1, shop.id());
            (shop.heldOut() ? shippedHeld : shippedTuning).add(shop, shipped);
            KnowledgeBase alone = open(shop.id() + "-alone", false);
            alone.importFile(sheet, ImportProgress.NONE);
            (shop.heldOut() ? aloneHeld : aloneTuning).add(shop, alone);
        }
        write(shops, Map.of("as shipped (demo FAQ kept), tuning", shippedTuning, "as shipped (demo FAQ kept), held-out", shippedHeld,
                "sheet alone, tuning", aloneTuning, "sheet alone, held-out", aloneHeld));
        check("tuning", shippedTuning);
        check("held-out", shippedHeld);
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
