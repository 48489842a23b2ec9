package com.alpha01.client.kb;

import com.alpha01.client.kb.KnowledgeSearch.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base in memory: documents in import order, their entries, and the keyword index.
 * Not thread-safe: {@link KnowledgeBase} reads it under a read lock and changes it under a write lock.
 */
final class SearchIndex {

    private final Map<String, KnowledgeDocument> documents = new LinkedHashMap<>();
    private final Map<String, List<IndexedEntry>> entriesByDocument = new HashMap<>();
    private final Map<String, IndexedEntry> entries = new HashMap<>();
    private final LexicalIndex<IndexedEntry> lexical = new LexicalIndex<>();

    /** Adds a document, or replaces it and all its entries. */
    void putDocument(KnowledgeDocument document, List<IndexedEntry> newEntries) {
        removeDocument(document.id());
        documents.put(document.id(), document);
        entriesByDocument.put(document.id(), new ArrayList<>(newEntries));
        for (IndexedEntry e : newEntries) {
            entries.put(e.entry.id(), e);
            lexical.add(e);
        }
    }

    void removeDocument(String documentId) {
        documents.remove(documentId);
        List<IndexedEntry> old = entriesByDocument.remove(documentId);
        if (old != null) {
            for (IndexedEntry e : old) {
                entries.remove(e.entry.id());
                lexical.remove(e);
            }
        }
    }

    /** Puts an entry in place of the one with the same id, or appends it to its document. */
    void putEntry(IndexedEntry entry) {
        List<IndexedEntry> list = entriesByDocument.computeIfAbsent(entry.entry.documentId(), d -> new ArrayList<>());
        IndexedEntry old = entries.put(entry.entry.id(), entry);
        if (old != null) {
            lexical.remove(old);
            list.set(list.indexOf(old), entry);
        } else {
            list.add(entry);
        }
        lexical.add(entry);
    }

    void removeEntry(String entryId) {
        IndexedEntry old = entries.remove(entryId);
        if (old != null) {
            lexical.remove(old);
            entriesByDocument.get(old.entry.documentId()).remove(old);
        }
    }

    KnowledgeDocument document(String id) {
        KnowledgeDocument d = documents.get(id);
        return d == null ? null : withCount(d);
    }

    List<KnowledgeDocument> documents() {
        return documents.values().stream().map(this::withCount).toList();
    }

    private KnowledgeDocument withCount(KnowledgeDocument d) {
        int n = entriesByDocument.getOrDefault(d.id(), List.of()).size();
        return new KnowledgeDocument(d.id(), d.name(), d.kind(), d.contentHash(), d.importedAt(), n);
    }

    IndexedEntry entry(String id) {
        return entries.get(id);
    }

    /** The entries of one document, or of all when {@code documentId} is null, in document order. */
    List<IndexedEntry> entries(String documentId) {
        if (documentId != null) {
            return List.copyOf(entriesByDocument.getOrDefault(documentId, List.of()));
        }
        List<IndexedEntry> all = new ArrayList<>(entries.size());
        for (String id : documents.keySet()) {
            all.addAll(entriesByDocument.getOrDefault(id, List.of()));
        }
        return all;
    }

    int size() {
        return entries.size();
    }

    /**
     * Hybrid score of every entry: {@code w · vector + (1 − w) · keyword}, where vector is the
     * best cosine rescaled from [floor, ceiling] to [0, 1] and keyword is normalised BM25; both
     * are in [0, 1], so the score is too. Hits below {@code minScore} are left out.
     */
    List<Hit> search(Map<String, Integer> queryTerms, float[] queryVector, int k, RetrievalTuning t) {
        if (k <= 0 || entries.isEmpty()) {
            return List.of();
        }
        Map<IndexedEntry, Double> keyword = lexical.score(queryTerms);
        List<Hit> hits = new ArrayList<>();
        double span = t.cosineCeiling() - t.cosineFloor();
        for (IndexedEntry e : entries.values()) {
            double vector = clamp((e.cosine(queryVector) - t.cosineFloor()) / span);
            double score = t.vectorWeight() * vector + (1 - t.vectorWeight()) * keyword.getOrDefault(e, 0.0);
            if (score >= t.minScore()) {
                hits.add(new Hit(e.entry.id(), e.entry.text(), e.entry.source(), score));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::entryId));
        List<Hit> top = hits.size() > k ? hits.subList(0, k) : hits;
        return top.stream().map(h -> new Hit(h.entryId(), h.text(), h.source(), h.score(),
                entries.get(h.entryId()).passage(queryVector))).toList();
    }

    private static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
