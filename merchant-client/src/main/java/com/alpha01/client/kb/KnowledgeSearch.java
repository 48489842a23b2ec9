package com.alpha01.client.kb;

import java.util.List;

/**
 * Retrieval over the shop's own knowledge, as the assistant and the offline answers use it.
 * Implemented by the knowledge base; tests of the assistant may use a small fixed one.
 */
public interface KnowledgeSearch {

    /**
     * One match: the entry it comes from, the text of the matching piece, where it came from
     * (file name and position, or "FAQ"), a score in [0, 1], higher is better, and the passage of
     * the text that matched best (a sentence of a longer chunk, else the whole text) — what a
     * quote from it should show — and how sure the search is, in [0, 1], that this hit answers the
     * query (what {@link #confident} looks at; for a search that only scores, the score).
     */
    record Hit(String entryId, String text, String source, double score, String passage, double confidence) {

        public Hit(String entryId, String text, String source, double score, String passage) {
            this(entryId, text, source, score, passage, score);
        }

        public Hit(String entryId, String text, String source, double score) {
            this(entryId, text, source, score, text);
        }
    }

    /** The best matches for {@code query}, best first, at most {@code k}; empty when nothing is related. */
    List<Hit> search(String query, int k);

    /**
     * Whether a hit is good enough to answer from on its own (the offline, extractive answer):
     * the threshold the shop corpus test calibrates.
     */
    boolean confident(Hit hit);
}
