package com.alpha01.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The retrieval data set of the knowledge-base accuracy test (merchant-client's test resources,
 * through its test-jar): the coffee-shop FAQ sheet, the paraphrased questions with the row they
 * ask about, and the unrelated questions.
 */
record BenchData(String faqCsv, List<String> answers, List<String> queries, List<Integer> expectedRows) {

    static BenchData load() throws IOException {
        String csv = resource("coffee-faq.csv");
        List<String> answers = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            answers.add(r.get(1));
        }
        List<String> queries = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (String line : lines("paraphrases.tsv")) {
            String[] parts = line.split("\t", 2);
            rows.add(Integer.parseInt(parts[0]));
            queries.add(parts[1]);
        }
        for (String line : lines("unrelated.txt")) {
            rows.add(0);
            queries.add(line);
        }
        return new BenchData(csv, answers, queries, rows);
    }

    /**
     * A large FAQ sheet, as CSV: {@code rows} rows from row {@code from}, each one of the 100 test questions
     * numbered to keep it apart ("（第N条）") and an answer made of two of the coffee shop's 40 answers, chosen by
     * the row's number modulo 40: 40 distinct answers, so a sheet embeds each answer alone once.
     */
    String largeFaqCsv(int from, int rows) {
        StringBuilder csv = new StringBuilder("问题,答案\n");
        for (int i = from; i < from + rows; i++) {
            String question = queries.get(i % queries.size()) + "（第" + (i + 1) + "条）";
            String answer = answers.get(i % answers.size()) + answers.get((i * 7 + 3) % answers.size());
            csv.append('"').append(question.replace("\"", "\"\"")).append("\",\"")
                    .append(answer.replace("\"", "\"\"")).append("\"\n");
        }
        return csv.toString();
    }

    /** {@code count} distinct passages of roughly 300 characters, made from the FAQ answers. */
    List<String> passages(int count) {
        List<String> out = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            StringBuilder p = new StringBuilder("第" + (i + 1) + "条门店说明：");
            while (p.length() < 300) {
                p.append(answers.get(next++ % answers.size()));
            }
            out.add(p.toString());
        }
        return out;
    }

    private static List<String> lines(String name) throws IOException {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(BenchData.class.getResourceAsStream("/kb/" + name),
                "/kb/" + name + " (merchant-client test-jar) missing from the classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
