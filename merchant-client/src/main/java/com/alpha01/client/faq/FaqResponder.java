package com.alpha01.client.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers from a keyword FAQ file: lines {@code 关键词1|关键词2 => 回答}; {@code #} starts a comment;
 * a line with the keyword {@code *} is the fallback answer. The first entry whose keyword occurs in
 * the question wins; its answer goes out as written, and the entry is named as its source.
 */
public final class FaqResponder {

    /** An answer, and the entry it came from ({@code 常见问题 · 第N条}, as the knowledge base numbers them; null for the fallback). */
    public record Found(String text, String source) {
    }

    private record Entry(List<String> keywords, String answer) {
    }

    private final List<Entry> entries;
    private final String fallback;

    private FaqResponder(List<Entry> entries, String fallback) {
        this.entries = List.copyOf(entries);
        this.fallback = fallback;
    }

    /** The FAQ shipped with the client ({@code /faq/default-faq.txt}). */
    public static FaqResponder builtIn() {
        try (InputStream in = FaqResponder.class.getResourceAsStream("/faq/default-faq.txt")) {
            if (in == null) {
                throw new IllegalStateException("default FAQ missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FaqResponder parse(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String fallback = "您好，我已收到您的问题，店员会尽快回复您。";
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            String l = line.strip();
            int arrow = l.indexOf("=>");
            if (l.isEmpty() || l.startsWith("#") || arrow < 0) {
                continue;
            }
            String keys = l.substring(0, arrow).strip();
            String answer = l.substring(arrow + 2).strip();
            if (keys.equals("*")) {
                fallback = answer;
            } else {
                entries.add(new Entry(List.of(keys.toLowerCase(Locale.ROOT).split("\\s*\\|\\s*")), answer));
            }
        }
        return new FaqResponder(entries, fallback);
    }

    /** The entries for the 知识库 screen: the keywords as the "question", and the answer. */
    public List<Map.Entry<String, String>> entries() {
        return entries.stream().map(e -> Map.entry(String.join(" / ", e.keywords()), e.answer())).toList();
    }

    /** The line for a question nobody can answer yet: a person will reply. */
    public Found fallback() {
        return new Found(fallback, null);
    }

    public String answer(String question) {
        return find(question).text();
    }

    /** The answer to {@code question} with the entry it came from; the fallback (no source) when none matches. */
    public Found find(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).keywords().stream().anyMatch(k -> !k.isEmpty() && q.contains(k))) {
                return new Found(entries.get(i).answer(), "常见问题 · 第" + (i + 1) + "条");
            }
        }
        return new Found(fallback, null);
    }
}
