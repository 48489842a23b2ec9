package com.alpha01.client.kb;

/**
 * Whether the best hit may be quoted on its own (offline, without the model): a logistic model over
 * what the search saw, not one absolute score. A right answer tends to lead by a margin, to be first
 * by the vectors and by the keywords alike, and to contain the question's rarer words; a question the
 * shop has no answer for tends to lean on a neighbour that shares its topic but misses the very word
 * asked about ("换完屏还防水吗" against the entry on screens). The weights were fitted by logistic
 * regression on the tuning split of the shop corpus only, and the threshold chosen there for
 * precision over coverage (docs/knowledge-base.md); the held-out split measures them.
 *
 * @param bias          intercept
 * @param rank          weight of the hit's rank value ({@link RetrievalTuning})
 * @param margin        weight of its lead over the next entry
 * @param cosine        weight of its cosine with the question
 * @param keyword       weight of its keyword score
 * @param answerCosine  weight of its cosine with the answer alone
 * @param firstByCosine weight of: no entry has a higher cosine
 * @param firstByKeyword weight of: no entry has a higher keyword score
 * @param firstByAnswer weight of: no entry has a higher answer cosine
 * @param missingShare  weight of the share (by idf) of the question's words the hit lacks
 * @param missingMax    weight of the idf of the rarest word it lacks
 * @param threshold     probability from which a hit is confident
 */
record Confidence(double bias, double rank, double margin, double cosine, double keyword, double answerCosine,
                  double firstByCosine, double firstByKeyword, double firstByAnswer, double missingShare,
                  double missingMax, double threshold) {

    /** Fitted 2026-12-06 on the tuning split (bakery, coffee, clothing, restaurant), threshold 0.9. */
    static final Confidence DEFAULT = new Confidence(-1.1678, 1.3451, 1.4033, 0.8023, 0.5043, 0.9488,
            0.8593, 0.0403, 0.9806, -2.0617, -0.1270, 0.90);

    /** What the search saw of one hit. */
    record Evidence(double rank, double margin, double cosine, double keyword, double answerCosine,
                    boolean firstByCosine, boolean firstByKeyword, boolean firstByAnswer,
                    double missingShare, double missingMax) {
    }

    /** The probability, in [0, 1], that the hit is the right answer. */
    double probability(Evidence e) {
        double z = bias + rank * e.rank() + margin * e.margin() + cosine * e.cosine() + keyword * e.keyword()
                + answerCosine * e.answerCosine() + firstByCosine * flag(e.firstByCosine())
                + firstByKeyword * flag(e.firstByKeyword()) + firstByAnswer * flag(e.firstByAnswer())
                + missingShare * e.missingShare() + missingMax * e.missingMax();
        return 1 / (1 + Math.exp(-z));
    }

    boolean confident(double probability) {
        return probability >= threshold;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
