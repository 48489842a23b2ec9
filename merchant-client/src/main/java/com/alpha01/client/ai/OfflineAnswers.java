package com.alpha01.client.ai;

import com.alpha01.client.kb.KnowledgeSearch;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Answers without the model (no key, no network, a GLM error, budget spent): the best knowledge-base match when
 * it is confident, quoted as the shop wrote it (the passage that matched, not the start of a long chunk) with no
 * heading, its source kept beside the text for a discreet label; otherwise none, and the caller tells the
 * customer a person will reply.
 */
final class OfflineAnswers {

    static final String FALLBACK_TEXT = "您好，我已收到您的问题，店员会尽快回复您。";
    private static final Logger LOG = Logger.getLogger(OfflineAnswers.class);
    private static final int MAX_CHARS = 150;

    private final KnowledgeSearch knowledge;

    OfflineAnswers(KnowledgeSearch knowledge) {
        this.knowledge = knowledge;
    }

    /** The extractive answer for {@code question}, if the knowledge base has a confident match. */
    Optional<Answer> extractive(String question) {
        try {
            return knowledge.search(question, 3).stream()
                    .filter(knowledge::confident)
                    .findFirst()
                    .map(hit -> new Answer(excerpt(hit.passage()), Answer.Kind.EXTRACTIVE, source(hit), null));
        } catch (RuntimeException e) {
            LOG.warnf("Knowledge search failed (%s): no offline answer", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String source(KnowledgeSearch.Hit hit) {
        return hit.source() == null || hit.source().isBlank() ? "店铺资料" : hit.source();
    }

    /** The text up to {@link #MAX_CHARS}, cut after a sentence where possible. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= MAX_CHARS) {
            return t;
        }
        String head = t.substring(0, MAX_CHARS);
        int end = Math.max(Math.max(head.lastIndexOf('。'), head.lastIndexOf('！')),
                Math.max(head.lastIndexOf('？'), head.lastIndexOf(". ")));
        return end >= MAX_CHARS / 3 ? head.substring(0, end + 1) : head + "…";
    }
}
