package com.alpha01.client.kb;

import com.alpha01.client.kb.ParsedDocument.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into chunks of roughly {@value #TARGET}–{@value #MAX} characters at sentence
 * boundaries (。！？；… and their ASCII forms, line breaks, so list items stay whole). A chunk
 * repeats the previous chunk's last sentence when it is short (≤ {@value #OVERLAP}), so a fact
 * cut at a boundary is still found with its context. A block (paragraph, page) ends its chunk
 * once the chunk holds {@value #PARAGRAPH} characters, so paragraphs, usually one topic each, stay
 * apart; smaller fragments are packed with the next block (the label then spans them:
 * {@code 第2–3页}). A section start (a heading) always begins a new chunk. Sentences longer than a
 * chunk are cut at commas, and failing that, hard.
 */
final class ChineseSplitter {

    record Chunk(String label, String text) {
    }

    static final int TARGET = 250;
    static final int MAX = 400;
    static final int OVERLAP = 80;
    /** A chunk that has this much when its block (a paragraph, a page) ends is not packed with the next. */
    static final int PARAGRAPH = 40;
    private static final String ENDS = "。！？；!?;…\n";
    private static final String CLOSERS = "”’」』）)】\"'";
    private static final String SOFT_ENDS = "，、,：:";
    private static final Pattern POSITION = Pattern.compile("第(\\d+)(页|行|段)");

    private final List<Chunk> chunks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private String label;
    private String lastLabel;
    private boolean fresh;      // current holds more than the carried-over overlap
    private String last;        // the last sentence added, the candidate overlap

    private ChineseSplitter() {
    }

    static List<Chunk> split(List<Block> blocks) {
        ChineseSplitter s = new ChineseSplitter();
        for (Block block : blocks) {
            if (block.startsSection() || s.current.length() >= PARAGRAPH) {
                s.emit(false);
            } else if (s.current.length() > 0 && s.current.charAt(s.current.length() - 1) != '\n') {
                s.current.append('\n');
            }
            for (String sentence : sentences(block.text())) {
                s.add(block.label(), sentence);
            }
        }
        s.emit(false);
        return s.chunks;
    }

    private void add(String blockLabel, String sentence) {
        if (fresh && current.length() + sentence.length() > MAX) {
            emit(true);
        }
        if (!fresh) {
            label = blockLabel;
        }
        lastLabel = blockLabel;
        current.append(sentence);
        fresh = fresh || !sentence.isBlank();
        last = sentence;
        if (current.length() >= TARGET) {
            emit(true);
        }
    }

    private void emit(boolean carryOverlap) {
        if (fresh) {
            String text = current.toString().strip();
            if (!text.isEmpty()) {
                chunks.add(new Chunk(span(label, lastLabel), text));
            }
        }
        current.setLength(0);
        fresh = false;
        if (carryOverlap && last != null && last.strip().length() <= OVERLAP) {
            current.append(last);
        }
        last = null;
    }

    /** {@code 第1页} and {@code 第3页} give {@code 第1–3页}; other labels keep the first. */
    static String span(String first, String last) {
        Matcher a = POSITION.matcher(first);
        Matcher b = POSITION.matcher(last);
        if (first.equals(last) || !a.matches() || !b.matches() || !a.group(2).equals(b.group(2))) {
            return first;
        }
        return "第" + a.group(1) + "–" + b.group(1) + a.group(2);
    }

    /** Sentences with their end marks (and line breaks) kept; none longer than {@link #MAX}. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = ENDS.indexOf(c) >= 0 || (c == '.' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                int j = i + 1;
                while (j < n && (CLOSERS.indexOf(text.charAt(j)) >= 0 || (ENDS.indexOf(text.charAt(j)) >= 0 && text.charAt(j) != '\n'))) {
                    j++;
                }
                while (j < n && c != '\n' && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < n && text.charAt(j) == '\n' && c != '\n') {
                    j++;
                }
                cutLong(text.substring(start, j), out);
                start = j;
                i = j - 1;
            }
        }
        if (start < n) {
            cutLong(text.substring(start), out);
        }
        return out;
    }

    private static void cutLong(String sentence, List<String> out) {
        if (sentence.isBlank() && !sentence.contains("\n")) {
            return;
        }
        String rest = sentence;
        while (rest.length() > MAX) {
            int cut = -1;
            for (int i = MAX - 1; i >= MAX / 2; i--) {
                if (SOFT_ENDS.indexOf(rest.charAt(i)) >= 0 || rest.charAt(i) == ' ') {
                    cut = i + 1;
                    break;
                }
            }
            if (cut < 0) {
                cut = Character.isHighSurrogate(rest.charAt(MAX - 1)) ? MAX - 1 : MAX;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }
}
