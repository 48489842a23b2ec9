package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes what retrieval sees of every (question, row) pair of the shop corpus to
 * target/kb-features.tsv: the cosines with question, question + answer and answer, and the BM25 of question + answer
 * (the knowledge base's {@link LuceneIndex}). bench/retrieval/fit.py reads it to compare ranking variants
 * and to fit {@link Confidence} on the tuning split (docs/knowledge-base.md). The test checks the dump is
 * whole and that the cosines mean something: asked word for word, a row's own question is its closest.
 */
class RetrievalFeaturesTest {

    @Test
    void every_question_gets_one_line_per_row_of_its_shop() throws IOException {
        Embedder embedder = Embedder.of(CountingEmbeddingModel.bge());
        StringBuilder out = new StringBuilder("shop\theld\tqi\texpected\trow\tcosQ\tcosQA\tcosA\tbmAll\n");
        int lines = 0;
        int expectedLines = 0;
        for (ShopCorpus.Shop shop : ShopCorpus.load()) {
            List<String> questions = new ArrayList<>();
            List<String> both = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            LuceneIndex index = new LuceneIndex();
            for (ShopCorpus.Faq f : shop.faqs()) {
                questions.add(f.question());
                both.add(f.question() + "\n" + f.answer());
                answers.add(f.answer());
                index.add(new IndexedEntry(new KnowledgeEntry(String.valueOf(questions.size()), shop.id(), f.question(), f.answer(),
                        "FAQ"), new float[0][]), new LuceneIndex.Vectors[0]);
            }
            index.refresh();
            List<float[]> vq = embedder.passages(questions, n -> { });
            List<float[]> vqa = embedder.passages(both, n -> { });
            List<float[]> va = embedder.passages(answers, n -> { });
            assertEquals(0, nearest(embedder.query(questions.get(0), false), vq), shop.id() + ": row 1 asked word for word");
            int qi = 0;
            for (ShopCorpus.Question question : shop.questions()) {
                float[] x = embedder.query(question.text(), false);
                Map<String, Integer> terms = Tokens.termFrequencies(question.text());
                Map<String, Double> keyword = index.keyword(terms, shop.faqs().size());
                for (int r = 0; r < shop.faqs().size(); r++) {
                    out.append(String.join("\t", shop.id(), shop.heldOut() ? "1" : "0", String.valueOf(qi),
                            String.valueOf(question.row()), String.valueOf(r + 1), f(dot(x, vq.get(r))), f(dot(x, vqa.get(r))),
                            f(dot(x, va.get(r))), f(keyword.getOrDefault(String.valueOf(r + 1), 0.0)))).append('\n');
                    lines++;
                }
                qi++;
            }
            expectedLines += shop.questions().size() * shop.faqs().size();
        }
        assertEquals(expectedLines, lines);
        assertTrue(lines > 10_000, "lines: " + lines);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "kb-features.tsv"), out, StandardCharsets.UTF_8);
    }

    private static int nearest(float[] x, List<float[]> vectors) {
        int best = 0;
        for (int i = 1; i < vectors.size(); i++) {
            best = dot(x, vectors.get(i)) > dot(x, vectors.get(best)) ? i : best;
        }
        return best;
    }

    private static String f(double d) {
        return String.format(java.util.Locale.ROOT, "%.6f", d);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
