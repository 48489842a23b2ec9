package com.alpha01.client.ai;

import com.alpha01.client.kb.KnowledgeSearch;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The knowledge base as LangChain4j retrieval: the best {@code maxResults} hits scoring at least
 * {@code minScore}, each with its source in the metadata. A failing search gives no content rather than no answer.
 */
final class KnowledgeRetriever implements ContentRetriever {

    static final String SOURCE = "source";
    private static final Logger LOG = Logger.getLogger(KnowledgeRetriever.class);

    private final KnowledgeSearch knowledge;
    private final int maxResults;
    private final double minScore;

    KnowledgeRetriever(KnowledgeSearch knowledge, int maxResults, double minScore) {
        this.knowledge = knowledge;
        this.maxResults = maxResults;
        this.minScore = minScore;
    }

    @Override
    public List<Content> retrieve(Query query) {
        try {
            return knowledge.search(query.text(), maxResults).stream()
                    .filter(hit -> hit.score() >= minScore)
                    .limit(maxResults)
                    .map(KnowledgeRetriever::content)
                    .toList();
        } catch (RuntimeException e) {
            LOG.warnf("Knowledge search failed (%s): answering without it", e.getClass().getSimpleName());
            return List.of();
        }
    }

    private static Content content(KnowledgeSearch.Hit hit) {
        Metadata metadata = new Metadata().put(SOURCE, hit.source() == null ? "店铺资料" : hit.source())
                .put("entryId", hit.entryId() == null ? "" : hit.entryId()).put("score", hit.score());
        return Content.from(TextSegment.from(hit.text(), metadata));
    }
}
