package com.alpha01.client.kb;

/**
 * The knobs of hybrid retrieval in one place, with the values measured on the tuning split of the
 * shop corpus ({@link #DEFAULT}; docs/knowledge-base.md has the figures and how they were fitted).
 * Tests and the benchmark may try others.
 *
 * <p>Ranking: {@code rank = cos(query, entry) + answerWeight · cos(query, answer) + keywordWeight · bm25},
 * where bm25 is the normalised keyword score in [0, 1]. A hit's {@code score} is that rank less
 * {@code scoreFloor}, capped to [0, 1] (what an unrelated entry gets sits near the floor), and hits
 * whose score is under {@code minScore} are not returned.
 *
 * @param queryInstruction  prefix short queries with bge's retrieval instruction
 * @param faqVectors        what is embedded for an FAQ row
 * @param answerWeight      weight of the cosine with the answer alone (FAQ rows embedded {@link FaqVectors#WITH_ANSWER})
 * @param keywordWeight     weight of the keyword (BM25) score
 * @param scoreFloor        rank at which a hit's score is 0
 * @param minScore          hits below this score are not returned at all
 * @param confidence        when the best hit is good enough to quote on its own
 * @param proseVectors      what is embedded for a chunk of prose
 */
record RetrievalTuning(boolean queryInstruction, FaqVectors faqVectors, double answerWeight, double keywordWeight,
                       double scoreFloor, double minScore, Confidence confidence, ProseVectors proseVectors) {

    /**
     * For an FAQ row: the question alone, question + answer, both (the better cosine counts), or
     * question + answer and, apart, the answer alone (it gets {@code answerWeight}).
     */
    enum FaqVectors { QUESTION, QUESTION_AND_ANSWER, BOTH, WITH_ANSWER }

    /**
     * For a chunk of prose: the chunk alone, or also each of its sentences (short ones joined to the
     * next), so a question about one fact meets that fact's sentence and not only the chunk's mix.
     */
    enum ProseVectors { CHUNK, CHUNK_AND_SENTENCES }

    static final RetrievalTuning DEFAULT = new RetrievalTuning(false, FaqVectors.WITH_ANSWER, 0.2, 0.7, 0.45, 0.05,
            Confidence.DEFAULT, ProseVectors.CHUNK_AND_SENTENCES);

    /** The same, with other FAQ vectors. */
    RetrievalTuning with(FaqVectors vectors) {
        return new RetrievalTuning(queryInstruction, vectors, answerWeight, keywordWeight, scoreFloor, minScore, confidence,
                proseVectors);
    }

    /** The same, with other prose vectors. */
    RetrievalTuning with(ProseVectors vectors) {
        return new RetrievalTuning(queryInstruction, faqVectors, answerWeight, keywordWeight, scoreFloor, minScore, confidence,
                vectors);
    }

    /** Changing what is embedded makes stored vectors stale: part of the key they are stored under. */
    String embeddingScheme(String modelId) {
        return modelId + "|" + faqVectors + (proseVectors == ProseVectors.CHUNK ? "" : "|" + proseVectors);
    }
}
