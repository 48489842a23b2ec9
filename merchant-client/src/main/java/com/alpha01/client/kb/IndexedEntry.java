package com.alpha01.client.kb;

import java.util.List;
import java.util.Map;

/**
 * An entry as search holds it: the entry, its unit-length embedding vectors (one per
 * {@link #embeddingInputs} string), and its keyword terms. Identity equality on purpose.
 */
final class IndexedEntry implements LexicalIndex.Terms {

    final KnowledgeEntry entry;
    final float[][] vectors;
    private final Map<String, Integer> termFrequencies;
    private final int termCount;

    IndexedEntry(KnowledgeEntry entry, float[][] vectors) {
        this.entry = entry;
        this.vectors = vectors;
        this.termFrequencies = Tokens.termFrequencies(entry.isFaq() ? entry.question() + "\n" + entry.text() : entry.text());
        this.termCount = Tokens.length(termFrequencies);
    }

    /** What gets embedded for an entry: its text, or for an FAQ row what {@code mode} says. */
    static List<String> embeddingInputs(String question, String text, RetrievalTuning.FaqVectors mode) {
        if (question == null) {
            return List.of(text);
        }
        String both = question + "\n" + text;
        return switch (mode) {
            case QUESTION -> List.of(question);
            case QUESTION_AND_ANSWER -> List.of(both);
            case BOTH -> List.of(question, both);
        };
    }

    @Override
    public Map<String, Integer> termFrequencies() {
        return termFrequencies;
    }

    @Override
    public int termCount() {
        return termCount;
    }

    /** The best cosine between {@code query} (unit length) and this entry's vectors. */
    double cosine(float[] query) {
        double best = -1;
        for (float[] v : vectors) {
            double dot = 0;
            for (int i = 0; i < v.length && i < query.length; i++) {
                dot += v[i] * query[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }
}
