package com.alpha01.client.kb;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over {@link Tokens} terms, updated entry by entry. Not thread-safe: the knowledge base
 * guards it with its read/write lock.
 *
 * <p>The score is normalised to [0, 1] against the query itself: the sum over the query's terms
 * of idf × BM25's term-frequency part, divided by the most that sum could be (every term found,
 * term-frequency part at its limit k1 + 1). A query term no entry contains counts with the
 * largest idf in the divisor, so a question mostly about something the shop never wrote about
 * scores low even when a common word matches: that is what lets "no answer" be a threshold.
 */
final class LexicalIndex<T extends LexicalIndex.Terms> {

    static final double K1 = 1.2;
    static final double B = 0.75;

    /** What the index needs of an entry: its terms and their count. */
    interface Terms {
        Map<String, Integer> termFrequencies();

        int termCount();
    }

    private final Map<String, Set<T>> postings = new HashMap<>();
    private long totalTerms;
    private int size;

    void add(T entry) {
        for (String term : entry.termFrequencies().keySet()) {
            postings.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(entry);
        }
        totalTerms += entry.termCount();
        size++;
    }

    void remove(T entry) {
        for (String term : entry.termFrequencies().keySet()) {
            Set<T> list = postings.get(term);
            if (list != null && list.remove(entry) && list.isEmpty()) {
                postings.remove(term);
            }
        }
        totalTerms -= entry.termCount();
        size--;
    }

    /** Normalised BM25 of every entry sharing a term with the query (absent entries score 0). */
    Map<T, Double> score(Map<String, Integer> query) {
        Map<T, Double> scores = new HashMap<>();
        if (size == 0 || query.isEmpty()) {
            return scores;
        }
        double avgLength = Math.max(1.0, (double) totalTerms / size);
        double best = 0;
        for (String term : query.keySet()) {
            Set<T> list = postings.get(term);
            double idf = idf(term);
            best += idf * (K1 + 1);
            if (list == null) {
                continue;
            }
            for (T entry : list) {
                int tf = entry.termFrequencies().get(term);
                double norm = K1 * (1 - B + B * entry.termCount() / avgLength);
                scores.merge(entry, idf * tf * (K1 + 1) / (tf + norm), Double::sum);
            }
        }
        double divisor = best;
        scores.replaceAll((e, s) -> Math.min(1.0, s / divisor));
        return scores;
    }

    /** BM25's inverse document frequency of {@code term}: high for a rare term, highest for one no entry has. */
    double idf(String term) {
        Set<T> list = postings.get(term);
        int df = list == null ? 0 : list.size();
        return Math.log(1 + (size - df + 0.5) / (df + 0.5));
    }

    int size() {
        return size;
    }
}
