package com.alpha01.client.kb;

import com.alpha01.client.kb.ImportProgress.Stage;
import com.alpha01.client.kb.KnowledgeBaseException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The knowledge base's changes — imports, added, edited and deleted entries and documents — one at
 * a time: each holds the change lock from reading the current state to its last disk write, does
 * its slow part (embedding) first, and applies itself to the search index under the short write
 * lock, so that searches see either the state before a change or after it.
 */
final class KbChanges {

    private static final Logger LOG = Logger.getLogger(KbChanges.class);
    private static final String MANUAL_ID = "manual";

    private final KbStore store;
    private final Embedder embedder;
    private final RetrievalTuning tuning;
    private final String scheme;
    private final SearchIndex index;
    private final ReentrantReadWriteLock lock;
    /** Held by every change, from reading the current state to its last disk write. */
    private final ReentrantLock changes = new ReentrantLock();

    KbChanges(KbStore store, Embedder embedder, RetrievalTuning tuning, String scheme, SearchIndex index,
            ReentrantReadWriteLock lock) {
        this.store = store;
        this.embedder = embedder;
        this.tuning = tuning;
        this.scheme = scheme;
        this.index = index;
        this.lock = lock;
    }

    ImportResult importFile(Path file, ImportProgress progress) throws IOException {
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
                if (!entries.isEmpty()) {
                    retireDemoFaq();
                }
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

    KnowledgeEntry addEntry(String question, String answer) throws IOException {
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

    KnowledgeEntry editEntry(String id, String newQuestion, String newText) throws IOException {
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

    boolean deleteEntry(String id) throws IOException {
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

    boolean deleteDocument(String documentId) throws IOException {
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

    /**
     * The shop's first imported file retires the demo shop's FAQ the app starts with, so that its
     * opening hours or Wi-Fi are never quoted as the shop's own. Rows the shop has edited stay.
     */
    private void retireDemoFaq() throws IOException {
        if (index.document(KbLoader.BUILT_IN_FAQ_ID) == null) {
            return;
        }
        Set<String> asShipped = Importer.builtInFaq().stream().map(d -> d.question() + '\u0000' + d.text())
                .collect(Collectors.toSet());
        List<IndexedEntry> demo = index.entries(KbLoader.BUILT_IN_FAQ_ID);
        List<IndexedEntry> untouched = demo.stream()
                .filter(e -> asShipped.contains(e.entry.question() + '\u0000' + e.entry.text())).toList();
        if (untouched.size() == demo.size()) {
            deleteDocument(KbLoader.BUILT_IN_FAQ_ID);
        } else {
            for (IndexedEntry e : untouched) {
                deleteEntry(e.entry.id());
            }
        }
        LOG.infof("knowledge base: the demo FAQ retired on the shop's first import (%d rows removed, %d edited rows kept)",
                untouched.size(), demo.size() - untouched.size());
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

    private void update(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
