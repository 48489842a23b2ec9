package com.alpha01.client.kb;

/**
 * The knobs of hybrid retrieval in one place, with the values the retrieval accuracy test
 * calibrated ({@link #DEFAULT}; docs/knowledge-base.md has the figures). Tests and the benchmark
 * may try others.
 *
 * @param queryInstruction  prefix short queries with bge's retrieval instruction
 * @param faqVectors        what is embedded for an FAQ row
 * @param vectorWeight      weight of the vector score; keyword (BM25) gets the rest
 * @param cosineFloor       cosine at or below which the vector score is 0 (bge-small-zh puts
 *                          unrelated Chinese sentences around 0.3–0.5)
 * @param cosineCeiling     cosine at or above which the vector score is 1
 * @param confidentScore    a hit at or above this is good enough to answer from on its own
 * @param minScore          hits below this are not returned at all
 * @param proseVectors      what is embedded for a chunk of prose
 */
record RetrievalTuning(boolean queryInstruction, FaqVectors faqVectors, double vectorWeight,
                       double cosineFloor, double cosineCeiling, double confidentScore, double minScore,
                       ProseVectors proseVectors) {

    /** For an FAQ row: the question alone, question + answer, or both (the better cosine counts). */
    enum FaqVectors { QUESTION, QUESTION_AND_ANSWER, BOTH }

    /**
     * For a chunk of prose: the chunk alone, or also each of its sentences (short ones joined to the
     * next), so a question about one fact meets that fact's sentence and not only the chunk's mix.
     */
    enum ProseVectors { CHUNK, CHUNK_AND_SENTENCES }

    static final RetrievalTuning DEFAULT =
            new RetrievalTuning(false, FaqVectors.BOTH, 0.7, 0.40, 0.90, 0.30, 0.15, ProseVectors.CHUNK_AND_SENTENCES);

    /** Changing what is embedded makes stored vectors stale: part of the key they are stored under. */
    String embeddingScheme(String modelId) {
        return modelId + "|" + faqVectors + (proseVectors == ProseVectors.CHUNK ? "" : "|" + proseVectors);
    }
}
