package com.alpha01.client.kb;

import com.alpha01.client.kb.KnowledgeSearch.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base in memory: documents in import order, their entries, and their search index
 * ({@link LuceneIndex}). Not thread-safe: {@link KnowledgeBase} reads it under a read lock and
 * changes it under a write lock.
 */
final class SearchIndex {

    /** How many entries each of the keyword and vector searches proposes before they are ranked exactly. */
    static final int CANDIDATES = 20;

    private final Map<String, KnowledgeDocument> documents = new LinkedHashMap<>();
    private final Map<String, List<IndexedEntry>> entriesByDocument = new HashMap<>();
    private final Map<String, IndexedEntry> entries = new HashMap<>();
    private final LuceneIndex lucene = new LuceneIndex();
    private final RetrievalTuning.FaqVectors faqVectors;

    SearchIndex(RetrievalTuning.FaqVectors faqVectors) {
        this.faqVectors = faqVectors;
    }

    /** Adds a document, or replaces it and all its entries. */
    void putDocument(KnowledgeDocument document, List<IndexedEntry> newEntries) {
        removeDocument(document.id());
        documents.put(document.id(), document);
        entriesByDocument.put(document.id(), new ArrayList<>(newEntries));
        for (IndexedEntry e : newEntries) {
            entries.put(e.entry.id(), e);
            index(e);
        }
        lucene.refresh();
    }

    void removeDocument(String documentId) {
        documents.remove(documentId);
        List<IndexedEntry> old = entriesByDocument.remove(documentId);
        if (old != null) {
            for (IndexedEntry e : old) {
                entries.remove(e.entry.id());
                lucene.remove(e.entry.id());
            }
            lucene.refresh();
        }
    }

    /** Puts an entry in place of the one with the same id, or appends it to its document. */
    void putEntry(IndexedEntry entry) {
        List<IndexedEntry> list = entriesByDocument.computeIfAbsent(entry.entry.documentId(), d -> new ArrayList<>());
        IndexedEntry old = entries.put(entry.entry.id(), entry);
        if (old != null) {
            lucene.remove(old.entry.id());
            list.set(list.indexOf(old), entry);
        } else {
            list.add(entry);
        }
        index(entry);
        lucene.refresh();
    }

    /** An FAQ row embedded with its answer apart puts that vector where answer searches look. */
    private void index(IndexedEntry e) {
        LuceneIndex.Vectors[] fields = new LuceneIndex.Vectors[e.vectors.length];
        Arrays.fill(fields, LuceneIndex.Vectors.ENTRY);
        if (e.entry.isFaq() && faqVectors == RetrievalTuning.FaqVectors.WITH_ANSWER && fields.length == 2) {
            fields[1] = LuceneIndex.Vectors.ANSWER;
        }
        lucene.add(e, fields);
    }

    void removeEntry(String entryId) {
        IndexedEntry old = entries.remove(entryId);
        if (old != null) {
            lucene.remove(entryId);
            lucene.refresh();
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
     * Ranks every entry by {@code cos + answerWeight · cos(answer) + keywordWeight · bm25}
     * ({@link RetrievalTuning}) and returns the best {@code k} whose score clears {@code minScore},
     * each with the confidence {@link Confidence} gives it from what the search saw.
     */
    List<Hit> search(Map<String, Integer> queryTerms, float[] queryVector, int k, RetrievalTuning t) {
        if (k <= 0 || entries.isEmpty()) {
            return List.of();
        }
        int n = Math.max(k, CANDIDATES);
        Map<String, Double> best = lucene.keyword(queryTerms, n);
        String firstByKeyword = best.isEmpty() ? null : best.keySet().iterator().next();
        Map<String, Double> keyword = new HashMap<>(best);
        Set<String> candidates = new LinkedHashSet<>(keyword.keySet());
        candidates.addAll(lucene.nearest(LuceneIndex.Vectors.ENTRY, queryVector, n));
        if (t.faqVectors() == RetrievalTuning.FaqVectors.WITH_ANSWER) {
            candidates.addAll(lucene.nearest(LuceneIndex.Vectors.ANSWER, queryVector, n));
        }
        keyword.putAll(lucene.keyword(queryTerms, candidates.stream().filter(id -> !keyword.containsKey(id)).toList()));
        List<Ranked> ranked = new ArrayList<>(candidates.size());
        Ranked byCosine = null;
        Ranked byKeyword = null;
        Ranked byAnswer = null;
        for (String id : candidates) {
            IndexedEntry e = entries.get(id);
            if (e == null) {
                continue;
            }
            double[] cos = e.cosines(queryVector, t.faqVectors());
            double kw = keyword.getOrDefault(id, 0.0);
            Ranked r = new Ranked(e, cos[0], cos[1], kw, cos[0] + t.answerWeight() * cos[1] + t.keywordWeight() * kw);
            ranked.add(r);
            byCosine = byCosine == null || r.cosine > byCosine.cosine ? r : byCosine;
            byKeyword = id.equals(firstByKeyword) ? r : byKeyword;
            byAnswer = byAnswer == null || r.answerCosine > byAnswer.answerCosine ? r : byAnswer;
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.rank).reversed().thenComparing(r -> r.entry.entry.id()));
        Map<String, Double> idf = new HashMap<>();
        for (String term : queryTerms.keySet()) {
            if (Tokens.isContent(term)) {
                idf.put(term, lucene.idf(term));
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < ranked.size() && hits.size() < k; i++) {
            Ranked r = ranked.get(i);
            double score = clamp(r.rank - t.scoreFloor());
            if (score < t.minScore()) {
                break;
            }
            double margin = r.rank - (i == 0 ? (ranked.size() > 1 ? ranked.get(1).rank : 0) : ranked.get(0).rank);
            double[] missing = missing(idf, r.entry);
            Confidence.Evidence evidence = new Confidence.Evidence(r.rank, margin, r.cosine, r.keyword, r.answerCosine,
                    r == byCosine, r == byKeyword, r == byAnswer, missing[0], missing[1]);
            KnowledgeEntry entry = r.entry.entry;
            hits.add(new Hit(entry.id(), entry.text(), entry.source(), score, r.entry.passage(queryVector),
                    t.confidence().probability(evidence)));
        }
        return hits;
    }

    /** One entry as the search scored it. */
    private record Ranked(IndexedEntry entry, double cosine, double answerCosine, double keyword, double rank) {
    }

    /**
     * What of the query's words (single characters and Latin words, weighted by idf) the entry lacks:
     * the share of the query's total, and the idf of the rarest one missing.
     */
    private static double[] missing(Map<String, Double> idfOfContentTerms, IndexedEntry entry) {
        double total = 0;
        double missing = 0;
        double rarest = 0;
        for (Map.Entry<String, Double> term : idfOfContentTerms.entrySet()) {
            double idf = term.getValue();
            total += idf;
            if (!entry.termFrequencies().containsKey(term.getKey())) {
                missing += idf;
                rarest = Math.max(rarest, idf);
            }
        }
        return new double[] {total == 0 ? 0 : missing / total, rarest};
    }

    private static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
