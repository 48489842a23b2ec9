package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link Confidence#DEFAULT} makes of typical evidence: the shape of the fitted model, not its figures. */
class ConfidenceTest {

    private static Confidence.Evidence evidence(double margin, boolean agreed, double missingShare, double missingMax) {
        // A typical right answer on the shop corpus: rank 1.0 from cosine 0.65, keywords 0.3, answer cosine 0.55.
        return new Confidence.Evidence(1.0, margin, 0.65, 0.30, 0.55, agreed, agreed, agreed, missingShare, missingMax);
    }

    @Test
    void a_hit_first_by_every_ranking_by_a_clear_margin_with_every_word_is_confident() {
        Confidence c = Confidence.DEFAULT;
        double p = c.probability(evidence(0.30, true, 0.0, 0.0));
        assertTrue(c.confident(p), "probability " + p);
    }

    @Test
    void the_same_hit_lacking_the_word_asked_about_is_not() {
        Confidence c = Confidence.DEFAULT;
        double p = c.probability(evidence(0.30, true, 0.6, 3.0));
        assertFalse(c.confident(p), "probability " + p);
    }

    @Test
    void a_hit_the_rankings_disagree_on_with_no_lead_is_not() {
        Confidence c = Confidence.DEFAULT;
        double p = c.probability(evidence(0.01, false, 0.0, 0.0));
        assertFalse(c.confident(p), "probability " + p);
    }

    @Test
    void more_lead_never_lowers_the_probability() {
        Confidence c = Confidence.DEFAULT;
        double previous = 0;
        for (double margin = 0; margin <= 0.5; margin += 0.05) {
            double p = c.probability(evidence(margin, true, 0.2, 1.0));
            assertTrue(p >= previous && p > 0 && p < 1, margin + " → " + p);
            previous = p;
        }
    }
}
