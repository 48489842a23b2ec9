package com.alpha01.client.kb;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The embedding model, loaded on first use (bge-small-zh-v1.5, quantized, in-process ONNX: about
 * a second), and vectors made unit length so that a dot product is the cosine.
 */
final class Embedder {

    private static final Logger LOG = Logger.getLogger(Embedder.class);

    /** bge's instruction for short queries against passages. */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    static final String DEFAULT_MODEL_ID = "bge-small-zh-v1.5-q";
    private static final int BATCH = 16;

    private final Supplier<EmbeddingModel> factory;
    private final String modelId;
    private volatile EmbeddingModel model;

    private Embedder(Supplier<EmbeddingModel> factory, String modelId) {
        this.factory = factory;
        this.modelId = modelId;
    }

    static Embedder bgeSmallZh() {
        return new Embedder(BgeSmallZhV15QuantizedEmbeddingModel::new, DEFAULT_MODEL_ID);
    }

    static Embedder of(EmbeddingModel model) {
        String id = model instanceof BgeSmallZhV15QuantizedEmbeddingModel ? DEFAULT_MODEL_ID : model.getClass().getName();
        return new Embedder(() -> model, id);
    }

    String modelId() {
        return modelId;
    }

    EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    m = factory.get();
                    model = m;
                    LOG.infof("embedding model %s ready in %d ms", modelId, (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    float[] query(String query, boolean instruction) {
        return unit(model().embed(instruction ? QUERY_INSTRUCTION + query : query).content());
    }

    /** Vectors for {@code texts}, in batches; {@code progress} gets the number done so far. */
    List<float[]> passages(List<String> texts, IntConsumer progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH))
                    .stream().map(TextSegment::from).toList();
            for (Embedding e : model().embedAll(batch).content()) {
                out.add(unit(e));
            }
            progress.accept(out.size());
        }
        return out;
    }

    private static float[] unit(Embedding embedding) {
        float[] v = embedding.vector().clone();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
        return v;
    }
}
