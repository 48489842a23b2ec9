package com.alpha01.client.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The retrieval data set under src/test/resources/kb: a coffee shop's 40 FAQ rows
 * (coffee-faq.csv), two paraphrased customer questions per row (paraphrases.tsv) and questions
 * the shop has no answer to (unrelated.txt); and the measures taken on a {@link KnowledgeSearch}.
 */
final class FaqEvaluation {

    record Faq(String question, String answer) {
    }

    record Paraphrase(int row, String question) {
    }

    /** Outcome of one run. Scores are the top-1 scores, for calibration. */
    record Result(int questions, int top1, int top3, int answeredConfidently, int correctConfidently,
                  int unrelated, int unrelatedConfident, List<Double> correctTop1Scores,
                  List<Double> unrelatedTop1Scores, List<String> misses) {

        double top1Rate() {
            return (double) top1 / questions;
        }

        double top3Rate() {
            return (double) top3 / questions;
        }

        double falseConfidentRate() {
            return (double) unrelatedConfident / unrelated;
        }
    }

    final List<Faq> faqs;
    final List<Paraphrase> paraphrases;
    final List<String> unrelated;

    private FaqEvaluation(List<Faq> faqs, List<Paraphrase> paraphrases, List<String> unrelated) {
        this.faqs = faqs;
        this.paraphrases = paraphrases;
        this.unrelated = unrelated;
    }

    static FaqEvaluation load() throws IOException {
        List<Faq> faqs = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(resource("coffee-faq.csv")))) {
            faqs.add(new Faq(r.get(0), r.get(1)));
        }
        List<Paraphrase> paraphrases = new ArrayList<>();
        for (String line : lines("paraphrases.tsv")) {
            String[] parts = line.split("\t", 2);
            paraphrases.add(new Paraphrase(Integer.parseInt(parts[0]), parts[1]));
        }
        return new FaqEvaluation(faqs, paraphrases, lines("unrelated.txt"));
    }

    /** The FAQ sheet as a file, to import. */
    static Path copyFaqSheet(Path dir) throws IOException {
        Path file = dir.resolve("coffee-faq.csv");
        Files.writeString(file, resource("coffee-faq.csv"), StandardCharsets.UTF_8);
        return file;
    }

    Result run(KnowledgeSearch search) {
        int top1 = 0;
        int top3 = 0;
        int confident = 0;
        int correctConfident = 0;
        List<Double> correctScores = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Paraphrase p : paraphrases) {
            String expected = faqs.get(p.row() - 1).answer();
            List<KnowledgeSearch.Hit> hits = search.search(p.question(), 3);
            boolean first = !hits.isEmpty() && hits.get(0).text().equals(expected);
            if (first) {
                top1++;
                correctScores.add(hits.get(0).score());
            } else {
                misses.add(p.question() + " -> " + (hits.isEmpty() ? "(none)" : hits.get(0).text()));
            }
            if (hits.stream().anyMatch(h -> h.text().equals(expected))) {
                top3++;
            }
            if (!hits.isEmpty() && search.confident(hits.get(0))) {
                confident++;
                correctConfident += first ? 1 : 0;
            }
        }
        int unrelatedConfident = 0;
        List<Double> unrelatedScores = new ArrayList<>();
        for (String q : unrelated) {
            List<KnowledgeSearch.Hit> hits = search.search(q, 3);
            unrelatedScores.add(hits.isEmpty() ? 0.0 : hits.get(0).score());
            if (!hits.isEmpty() && search.confident(hits.get(0))) {
                unrelatedConfident++;
            }
        }
        return new Result(paraphrases.size(), top1, top3, confident, correctConfident, unrelated.size(), unrelatedConfident,
                correctScores, unrelatedScores, misses);
    }

    private static List<String> lines(String name) throws IOException {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(FaqEvaluation.class.getResourceAsStream("/kb/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
