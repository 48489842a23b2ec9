package com.alpha01.client.kb;

import com.alpha01.client.kb.ImportProgress.Stage;
import com.alpha01.client.kb.KnowledgeBaseException.Reason;
import com.alpha01.client.store.EncryptedStore;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The shop's knowledge base: files imported, split and embedded in-process, searched by keyword
 * and meaning together, kept in the client's {@link EncryptedStore}.
 *
 * <p>Thread-safe. Changes (imports, edits, deletes) run one at a time; searches run alongside
 * them and see either the state before a change or after it, never a half-applied one. An
 * import does its slow part (embedding) before it takes the short write lock.
 */
public final class KnowledgeBase implements KnowledgeSearch {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);
    private static final String MANUAL_ID = "manual";

    private final KbStore store;
    private final Embedder embedder;
    private final RetrievalTuning tuning;
    private final String scheme;
    private final SearchIndex index = new SearchIndex();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Held by every change, from reading the current state to its last disk write. */
    private final ReentrantLock changes = new ReentrantLock();

    private KnowledgeBase(EncryptedStore store, Embedder embedder, RetrievalTuning tuning) {
        this.store = new KbStore(store);
        this.embedder = embedder;
        this.tuning = tuning;
        this.scheme = tuning.embeddingScheme(embedder.modelId());
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
        Objects.requireNonNull(progress, "progress (ImportProgress.NONE for none)");
        DocumentKind kind = DocumentParser.kindOf(file);
        String name = file.getFileName().toString();
        progress.update(Stage.READING, 0, 1);
        byte[] bytes = DocumentParser.readLimited(file);
        String hash = Importer.sha256(bytes);
        ImportResult result;
        changes.lock();
        try {
            KnowledgeDocument same = index.documents().stream().filter(d -> d.contentHash().equals(hash)).findFirst().orElse(null);
            if (same != null) {
                progress.update(Stage.READING, 1, 1);
                result = new ImportResult(same.id(), same.name(), same.entries(), true);
            } else {
                ParsedDocument parsed = DocumentParser.parse(kind, name, bytes);
                progress.update(Stage.READING, 1, 1);
                KnowledgeDocument previous = index.documents().stream()
                        .filter(d -> d.name().equals(name) && d.kind() == kind).findFirst().orElse(null);
                String id = previous != null ? previous.id() : UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                List<IndexedEntry> entries = Importer.embed(Importer.number(id, Importer.drafts(name, parsed)),
                        previous != null ? index.entries(id) : List.of(), embedder, tuning, progress);
                progress.update(Stage.SAVING, 0, 1);
                KnowledgeDocument doc = new KnowledgeDocument(id, name, kind, hash, Instant.now(), entries.size());
                store.writeDocument(id, entries);
                writeCatalog(doc, null);
                update(() -> index.putDocument(doc, entries));
                progress.update(Stage.SAVING, 1, 1);
                result = new ImportResult(id, name, entries.size(), false);
                LOG.infof("knowledge base: imported %s (%s) as %d entries%s", name, kind, entries.size(), previous != null ? ", replacing the earlier version" : "");
            }
        } finally {
            changes.unlock();
        }
        try {
            progress.update(Stage.DONE, 1, 1);
        } catch (RuntimeException e) {
            LOG.debug("import listener failed after the import was done", e);
        }
        return result;
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
        String q = requireText(question, "question");
        String a = requireText(answer, "answer");
        changes.lock();
        try {
            if (index.document(MANUAL_ID) == null) {
                KnowledgeDocument manual = new KnowledgeDocument(MANUAL_ID, "手动添加", DocumentKind.MANUAL, "", Instant.now(), 0);
                store.writeDocument(MANUAL_ID, List.of());
                writeCatalog(manual, null);
                update(() -> index.putDocument(manual, List.of()));
            }
            String id = MANUAL_ID + "-" + UUID.randomUUID().toString().substring(0, 8);
            KnowledgeEntry entry = new KnowledgeEntry(id, MANUAL_ID, q, a, "手动添加");
            return saveEntry(Importer.embed(List.of(entry), List.of(), embedder, tuning, ImportProgress.NONE).get(0));
        } finally {
            changes.unlock();
        }
    }

    /** Replaces an entry's text (an FAQ row's answer) and embeds it again. */
    public KnowledgeEntry editEntry(String id, String newText) throws IOException {
        return editEntry(id, null, newText);
    }

    /** Replaces an FAQ row's question (null: keep it) and answer, and embeds them again. */
    public KnowledgeEntry editEntry(String id, String newQuestion, String newText) throws IOException {
        String text = requireText(newText, "text");
        changes.lock();
        try {
            IndexedEntry old = index.entry(id);
            if (old == null) {
                throw new KnowledgeBaseException(Reason.NOT_FOUND, "没有这条知识：" + id);
            }
            String question = newQuestion == null || newQuestion.isBlank() ? old.entry.question() : newQuestion.strip();
            KnowledgeEntry entry = new KnowledgeEntry(id, old.entry.documentId(), question, text, old.entry.source());
            return saveEntry(Importer.embed(List.of(entry), List.of(old), embedder, tuning, ImportProgress.NONE).get(0));
        } finally {
            changes.unlock();
        }
    }

    /** Deletes one entry; false when there was none with that id. */
    public boolean deleteEntry(String id) throws IOException {
        changes.lock();
        try {
            IndexedEntry old = index.entry(id);
            if (old == null) {
                return false;
            }
            List<IndexedEntry> rest = new ArrayList<>(index.entries(old.entry.documentId()));
            rest.remove(old);
            store.writeDocument(old.entry.documentId(), rest);
            update(() -> index.removeEntry(id));
            return true;
        } finally {
            changes.unlock();
        }
    }

    /** Deletes a document and its entries; false when there was none with that id. */
    public boolean deleteDocument(String documentId) throws IOException {
        changes.lock();
        try {
            KnowledgeDocument doc = index.document(documentId);
            if (doc == null) {
                return false;
            }
            writeCatalog(null, documentId);
            store.deleteDocument(documentId);
            update(() -> index.removeDocument(documentId));
            LOG.infof("knowledge base: deleted %s (%d entries)", doc.name(), doc.entries());
            return true;
        } finally {
            changes.unlock();
        }
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
        return hit != null && hit.score() >= tuning.confidentScore();
    }

    /** The number of entries. */
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

    public int size() {
        return read(index::size);
    }

    private KnowledgeEntry saveEntry(IndexedEntry entry) throws IOException {
        String documentId = entry.entry.documentId();
        List<IndexedEntry> entries = new ArrayList<>(index.entries(documentId));
        int at = entries.indexOf(index.entry(entry.entry.id()));
        if (at >= 0) {
            entries.set(at, entry);
        } else {
            entries.add(entry);
        }
        store.writeDocument(documentId, entries);
        update(() -> index.putEntry(entry));
        return entry.entry;
    }

    /** Writes the catalog as it will be with {@code put} added or replaced and {@code removeId} gone. */
    private void writeCatalog(KnowledgeDocument put, String removeId) throws IOException {
        store.writeCatalog(KbStore.Catalog.after(scheme, index.documents(), put, removeId));
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text.strip();
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void update(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
