package com.alpha01.client.kb;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real bge model (loaded once per test JVM), counting the texts it is asked to embed. */
final class CountingEmbeddingModel implements EmbeddingModel {

    private static final class Shared {
        static final EmbeddingModel BGE = new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    private final AtomicInteger texts = new AtomicInteger();

    static EmbeddingModel bge() {
        return Shared.BGE;
    }

    int texts() {
        return texts.get();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        texts.addAndGet(segments.size());
        return Shared.BGE.embedAll(segments);
    }

    @Override
    public int dimension() {
        return Shared.BGE.dimension();
    }
}
