package com.alpha01.client.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An entry as search holds it: the entry, its unit-length embedding vectors (one per
 * {@link #embeddingInputs} string), and its keyword terms. Identity equality on purpose.
 */
final class IndexedEntry {

    final KnowledgeEntry entry;
    final float[][] vectors;
    private final Map<String, Integer> termFrequencies;

    IndexedEntry(KnowledgeEntry entry, float[][] vectors) {
        this.entry = entry;
        this.vectors = vectors;
        this.termFrequencies = Tokens.termFrequencies(entry.isFaq() ? entry.question() + "\n" + entry.text() : entry.text());
    }

    /** Sentences shorter than this are embedded together with the next one. */
    static final int MIN_SENTENCE = 24;

    /** A passage (the best sentence and its neighbours) is at most this long, as a quote should be. */
    static final int PASSAGE = 150;

    /** What gets embedded for an entry: for prose and for an FAQ row, what {@code tuning} says. */
    static List<String> embeddingInputs(String question, String text, RetrievalTuning tuning) {
        if (question == null) {
            return tuning.proseVectors() == RetrievalTuning.ProseVectors.CHUNK ? List.of(text) : withSentences(text);
        }
        String both = question + "\n" + text;
        return switch (tuning.faqVectors()) {
            case QUESTION -> List.of(question);
            case QUESTION_AND_ANSWER -> List.of(both);
            case BOTH -> List.of(question, both);
            case WITH_ANSWER -> List.of(both, text);
        };
    }

    /** The chunk, then its sentences (a short one joined to the next) when there is more than one. */
    static List<String> withSentences(String text) {
        List<String> inputs = new ArrayList<>();
        inputs.add(text);
        StringBuilder sentence = new StringBuilder();
        List<String> sentences = new ArrayList<>();
        for (String s : ChineseSplitter.sentences(text)) {
            sentence.append(s);
            if (sentence.toString().strip().length() >= MIN_SENTENCE) {
                sentences.add(sentence.toString().strip());
                sentence.setLength(0);
            }
        }
        if (!sentence.toString().isBlank()) {
            if (sentences.isEmpty()) {
                sentences.add(sentence.toString().strip());
            } else {
                int last = sentences.size() - 1;
                sentences.set(last, sentences.get(last) + sentence.toString().strip());
            }
        }
        if (sentences.size() > 1) {
            inputs.addAll(sentences);
        }
        return inputs;
    }

    /** The entry's keyword terms (of question and answer for an FAQ row) and how often each occurs. */
    Map<String, Integer> termFrequencies() {
        return termFrequencies;
    }

    /** The best cosine between {@code query} (unit length) and this entry's vectors. */
    double cosine(float[] query) {
        return vectors.length == 0 ? -1 : dot(vectors[best(query, 0)], query);
    }

    /**
     * The cosine of {@code query} with the entry, and with its answer alone: for an FAQ row embedded
     * {@link RetrievalTuning.FaqVectors#WITH_ANSWER} the first and the second vector; otherwise the
     * best cosine, twice.
     */
    double[] cosines(float[] query, RetrievalTuning.FaqVectors faqVectors) {
        if (entry.isFaq() && faqVectors == RetrievalTuning.FaqVectors.WITH_ANSWER && vectors.length == 2) {
            return new double[] {dot(vectors[0], query), dot(vectors[1], query)};
        }
        double best = cosine(query);
        return new double[] {best, best};
    }

    /**
     * The part of a prose entry that {@code query} matched best: the sentence whose vector is
     * closest, with the sentence before and after it as far as they fit in {@value #PASSAGE}
     * characters (the fact asked for is often in a neighbour: "open 8–21, Fri–Sat till 22:30.
     * Closed on New Year's Day."); the whole text for FAQ rows and chunks of one sentence.
     */
    String passage(float[] query) {
        if (entry.isFaq() || vectors.length < 3) {
            return entry.text();
        }
        List<String> inputs = withSentences(entry.text());
        if (inputs.size() != vectors.length) {
            return entry.text();
        }
        int best = best(query, 1);
        String passage = inputs.get(best);
        if (best > 1 && passage.length() + inputs.get(best - 1).length() <= PASSAGE) {
            passage = inputs.get(best - 1) + passage;
        }
        if (best + 1 < inputs.size() && passage.length() + inputs.get(best + 1).length() <= PASSAGE) {
            passage = passage + inputs.get(best + 1);
        }
        return passage;
    }

    /** The index of the vector from {@code from} on that is closest to {@code query}. */
    private int best(float[] query, int from) {
        int best = from;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int n = from; n < vectors.length; n++) {
            double d = dot(vectors[n], query);
            if (d > bestDot) {
                bestDot = d;
                best = n;
            }
        }
        return best;
    }

    private static double dot(float[] v, float[] query) {
        double dot = 0;
        for (int i = 0; i < v.length && i < query.length; i++) {
            dot += v[i] * query[i];
        }
        return dot;
    }
}
