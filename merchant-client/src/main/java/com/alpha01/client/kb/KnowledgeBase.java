package com.alpha01.client.kb;

import com.alpha01.client.store.EncryptedStore;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The shop's knowledge base: files imported, split and embedded in-process, searched by keyword
 * and meaning together, kept in the client's {@link EncryptedStore}.
 *
 * <p>Thread-safe. Changes (imports, edits, deletes: {@link KbChanges}) run one at a time; searches
 * run alongside them and see either the state before a change or after it, never a half-applied
 * one. An import does its slow part (embedding) before it takes the short write lock.
 */
public final class KnowledgeBase implements KnowledgeSearch {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final KbStore store;
    private final Embedder embedder;
    private final RetrievalTuning tuning;
    private final String scheme;
    private final SearchIndex index;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final KbChanges changes;

    private KnowledgeBase(EncryptedStore store, Embedder embedder, RetrievalTuning tuning) {
        this.store = new KbStore(store);
        this.embedder = embedder;
        this.index = new SearchIndex(tuning.faqVectors());
        this.tuning = tuning;
        this.scheme = tuning.embeddingScheme(embedder.modelId());
        this.changes = new KbChanges(this.store, embedder, tuning, scheme, index, lock);
    }

    /** Opens the knowledge base kept in {@code store}, with bge-small-zh; the first time, with the built-in FAQ. */
    public static KnowledgeBase open(EncryptedStore store) throws IOException {
        return builder(store).open();
    }

    public static Builder builder(EncryptedStore store) {
        return new Builder(store);
    }

    /** Options for opening; the defaults are what the app uses. */
    public static final class Builder {
        private final EncryptedStore store;
        private Embedder embedder = Embedder.bgeSmallZh();
        private boolean seed = true;
        private RetrievalTuning tuning = RetrievalTuning.DEFAULT;

        private Builder(EncryptedStore store) {
            this.store = Objects.requireNonNull(store);
        }

        /** Another (or a wrapped) embedding model instead of bge-small-zh-v1.5 loaded on first use. */
        public Builder embeddingModel(EmbeddingModel model) {
            this.embedder = Embedder.of(model);
            return this;
        }

        /** Whether a knowledge base opened for the first time starts with the FAQ shipped with the client (yes). */
        public Builder seedWithBuiltInFaq(boolean seed) {
            this.seed = seed;
            return this;
        }

        Builder tuning(RetrievalTuning tuning) {
            this.tuning = tuning;
            return this;
        }

        public KnowledgeBase open() throws IOException {
            KnowledgeBase kb = new KnowledgeBase(store, embedder, tuning);
            new KbLoader(kb.store, kb.embedder, kb.tuning, kb.scheme).load(kb.index, seed);
            return kb;
        }
    }

    /**
     * Imports a file (TXT, Markdown, HTML, PDF, DOCX; XLSX/CSV as FAQ rows). A file with the same
     * content as one already imported does nothing; a file with the name of an imported one
     * replaces it (its edited entries too), embedding only the text that changed.
     *
     * @throws KnowledgeBaseException when the file is too large, of an unknown type, damaged or without text
     */
    public ImportResult importFile(Path file, ImportProgress progress) throws IOException {
        return changes.importFile(file, progress);
    }

    /** The documents, in the order they were imported. */
    public List<KnowledgeDocument> documents() {
        return read(index::documents);
    }

    /** Entries of one document (all when {@code documentId} is null), {@code limit} from {@code offset}. */
    public List<KnowledgeEntry> entries(String documentId, int offset, int limit) {
        return read(() -> index.entries(documentId).stream().skip(Math.max(0, offset)).limit(Math.max(0, limit))
                .map(e -> e.entry).toList());
    }

    public Optional<KnowledgeEntry> entry(String id) {
        return read(() -> Optional.ofNullable(index.entry(id)).map(e -> e.entry));
    }

    /** Adds a question and answer typed in the knowledge-base screen (document "手动添加"). */
    public KnowledgeEntry addEntry(String question, String answer) throws IOException {
        return changes.addEntry(question, answer);
    }

    /** Replaces an entry's text (an FAQ row's answer) and embeds it again. */
    public KnowledgeEntry editEntry(String id, String newText) throws IOException {
        return editEntry(id, null, newText);
    }

    /** Replaces an FAQ row's question (null: keep it) and answer, and embeds them again. */
    public KnowledgeEntry editEntry(String id, String newQuestion, String newText) throws IOException {
        return changes.editEntry(id, newQuestion, newText);
    }

    /** Deletes one entry; false when there was none with that id. */
    public boolean deleteEntry(String id) throws IOException {
        return changes.deleteEntry(id);
    }

    /**
     * Whether the knowledge base in {@code store} holds anything of the shop's own (a document other than
     * the demo FAQ), read from its catalog without loading it: what the app may answer with while it loads.
     */
    public static boolean holdsShopContent(EncryptedStore store) {
        return holdsShopContentQuickly(store);
    }

    /** Whether it holds a document other than the demo FAQ. */
    public boolean holdsShopContent() {
        return documents().stream().anyMatch(d -> !d.id().equals(KbLoader.BUILT_IN_FAQ_ID));
    }

    private static boolean holdsShopContentQuickly(EncryptedStore store) {
        try {
            return new KbStore(store).readCatalog().map(c -> c.documents().stream()
                    .anyMatch(d -> !d.id().equals(KbLoader.BUILT_IN_FAQ_ID))).orElse(false);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Knowledge base catalog not readable (%s): treated as holding the shop's content", e.getClass().getSimpleName());
            return true;
        }
    }

    /** Deletes a document and its entries; false when there was none with that id. */
    public boolean deleteDocument(String documentId) throws IOException {
        return changes.deleteDocument(documentId);
    }

    @Override
    public List<Hit> search(String query, int k) {
        if (query == null || query.isBlank() || k <= 0 || size() == 0) {
            return List.of();
        }
        float[] vector = embedder.query(query.strip(), tuning.queryInstruction());
        Map<String, Integer> terms = Tokens.termFrequencies(query);
        return read(() -> index.search(terms, vector, k, tuning));
    }

    @Override
    public boolean confident(Hit hit) {
        return hit != null && tuning.confidence().confident(hit.confidence());
    }

    /**
     * How alike two short texts are in meaning: the cosine of their embeddings (the automation's
     * intent rules compare a customer message with their example phrases).
     */
    public double similarity(String a, String b) {
        float[] x = embedder.query(a, false);
        float[] y = embedder.query(b, false);
        double dot = 0;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    /** The number of entries. */
    public int size() {
        return read(index::size);
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

}
