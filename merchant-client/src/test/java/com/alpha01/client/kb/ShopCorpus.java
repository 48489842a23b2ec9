package com.alpha01.client.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The multi-shop evaluation corpus under src/test/resources/kb/shops (issue 13): shops of different
 * trades, each with the FAQ sheet it would write ({@code faq.csv}) and the questions its customers
 * ask ({@code questions.tsv}: the sheet's data row that answers, or 0 when the sheet has no answer).
 * The shops listed in {@code held-out.txt} (a third) form the held-out split: no tuning may look at
 * them. The corpus was written apart from the retrieval code and its calibration data.
 */
final class ShopCorpus {

    static final String ROOT = "/kb/shops/";

    record Faq(String question, String answer) {
    }

    /** A customer's question; {@code row} is the sheet's 1-based data row that answers it, 0 for none. */
    record Question(int row, String text) {
        boolean answerable() {
            return row > 0;
        }
    }

    record Shop(String id, boolean heldOut, List<Faq> faqs, List<Question> questions) {

        /** The sheet as a file, to import through the app's normal import. */
        Path writeSheet(Path dir) throws IOException {
            Path file = dir.resolve(id + ".csv");
            Files.writeString(file, resource(ROOT + id + "/faq.csv"), StandardCharsets.UTF_8);
            return file;
        }
    }

    private ShopCorpus() {
    }

    static List<Shop> load() throws IOException {
        List<String> heldOut = lines(ROOT + "held-out.txt");
        List<Shop> shops = new ArrayList<>();
        for (String id : lines(ROOT + "shops.txt")) {
            List<Faq> faqs = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(resource(ROOT + id + "/faq.csv")))) {
                faqs.add(new Faq(r.get(0).strip(), r.get(1).strip()));
            }
            List<Question> questions = new ArrayList<>();
            for (String line : lines(ROOT + id + "/questions.tsv")) {
                String[] parts = line.split("\t", 2);
                questions.add(new Question(Integer.parseInt(parts[0].strip()), parts[1].strip()));
            }
            shops.add(new Shop(id, heldOut.contains(id), faqs, questions));
        }
        return shops;
    }

    /** What one configuration of retrieval did on a set of questions. */
    static final class Tally {
        int answerable;
        int top1;
        int top3;
        /** Answerable questions that got a confident (quotable offline) answer, and of those the right ones. */
        int covered;
        int coveredRight;
        int noAnswer;
        /** No-answer questions that still got a confident answer: a wrong quote. */
        int noAnswerQuoted;
        final List<String> wrongQuotes = new ArrayList<>();
        final List<String> misses = new ArrayList<>();

        void add(Shop shop, KnowledgeSearch search) {
            for (Question q : shop.questions()) {
                List<KnowledgeSearch.Hit> hits = search.search(q.text(), 3);
                boolean confident = !hits.isEmpty() && search.confident(hits.get(0));
                String top = hits.isEmpty() ? "(none)" : hits.get(0).text();
                if (!q.answerable()) {
                    noAnswer++;
                    if (confident) {
                        noAnswerQuoted++;
                        wrongQuotes.add(shop.id() + ": " + q.text() + " (no answer) -> " + top);
                    }
                    continue;
                }
                answerable++;
                String expected = shop.faqs().get(q.row() - 1).answer();
                boolean first = !hits.isEmpty() && hits.get(0).text().equals(expected);
                top1 += first ? 1 : 0;
                top3 += hits.stream().anyMatch(h -> h.text().equals(expected)) ? 1 : 0;
                if (!first) {
                    misses.add(shop.id() + ": " + q.text() + " -> " + top);
                }
                if (confident) {
                    covered++;
                    if (first) {
                        coveredRight++;
                    } else {
                        wrongQuotes.add(shop.id() + ": " + q.text() + " (row " + q.row() + ") -> " + top);
                    }
                }
            }
        }

        double top1Rate() {
            return ratio(top1, answerable);
        }

        double top3Rate() {
            return ratio(top3, answerable);
        }

        /** Of all confident answers (offline quotes), the share that quotes the right entry. */
        double confidentPrecision() {
            return ratio(coveredRight, covered + noAnswerQuoted);
        }

        /** Answerable questions that get a confident answer. */
        double coverage() {
            return ratio(covered, answerable);
        }

        /** No-answer questions handed to staff (no confident answer). */
        double handOffRate() {
            return ratio(noAnswer - noAnswerQuoted, noAnswer);
        }

        String line() {
            return String.format("top-1 %d/%d (%.1f%%), top-3 %d/%d (%.1f%%), confident precision %d/%d (%.1f%%), "
                            + "coverage %d/%d (%.1f%%), no-answer handed off %d/%d (%.1f%%)",
                    top1, answerable, 100 * top1Rate(), top3, answerable, 100 * top3Rate(),
                    coveredRight, covered + noAnswerQuoted, 100 * confidentPrecision(), covered, answerable, 100 * coverage(),
                    noAnswer - noAnswerQuoted, noAnswer, 100 * handOffRate());
        }

        private static double ratio(int n, int d) {
            return d == 0 ? 1.0 : (double) n / d;
        }
    }

    private static List<String> lines(String name) throws IOException {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ShopCorpus.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
