package com.alpha01.client.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * The knowledge base's search index in memory, kept by Apache Lucene: BM25 over each entry's
 * {@link Tokens} terms, and HNSW graphs over its vectors, so that a search looks at a few dozen
 * candidates instead of every entry (DESIGN's "search p95 under 20 ms at 10k entries").
 *
 * <p>Two indexes: in one, a document per entry carries its terms; in the other, a document per
 * vector carries the vector, in field {@code v<dims>} (the entry, or a sentence of it) or
 * {@code a<dims>} (an FAQ row's answer alone); all carry the entry id. Apart, every document of the
 * terms index has the field BM25 scores, so its norms are read densely (with the vectors' documents
 * among them, norms were sparse and looking them up was a fifth of a search at 10,000 entries), and
 * a keyword search walks no vector's document. Changes are buffered until {@link #refresh()}. Not thread-safe for
 * changes: the knowledge base changes it under its write lock and searches it under the read lock
 * (a refreshed {@link IndexSearcher} is safe for concurrent searches).
 *
 * <p>Keyword scores are normalised as before ({@link #keyword}): Lucene's BM25 sum over the query's
 * terms divided by the sum of their idf, the most it could be. A query term no entry has counts
 * with the largest idf, so a question mostly about something the shop never wrote about scores low.
 */
final class LuceneIndex {

    static final String ID = "id";
    static final String TERMS = "terms";
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final BM25Similarity BM25 = new BM25Similarity(K1, B);
    /** Query terms searched at most, under Lucene's limit of 1,024 clauses with room for the id filter. */
    private static final int MAX_CLAUSES = 1000;

    /** Which of an entry's vectors a nearest-neighbour search looks at. */
    enum Vectors { ENTRY, ANSWER }

    /** One document per entry: its terms. */
    private final IndexPart terms = new IndexPart(BM25);
    /** One document per indexed vector. */
    private final IndexPart vectors = new IndexPart(BM25);
    /** Documents with terms (entries, deleted ones until merged, as Lucene's own BM25 statistics count them). */
    private long entries;

    /** Adds an entry: its terms, and each vector under {@code vectorFields[i]} (null: not indexed). */
    void add(IndexedEntry entry, Vectors[] vectorFields) {
        String id = entry.entry.id();
        try {
            Document termsDoc = new Document();
            termsDoc.add(new StringField(ID, id, Field.Store.NO));
            termsDoc.add(new SortedDocValuesField(ID, new BytesRef(id)));
            termsDoc.add(new TextField(TERMS, new TermStream(entry.termFrequencies())));
            List<Document> vectorDocs = new ArrayList<>();
            for (int i = 0; i < entry.vectors.length && i < vectorFields.length; i++) {
                float[] v = entry.vectors[i];
                if (vectorFields[i] == null || v.length == 0) {
                    continue;
                }
                Document vector = new Document();
                vector.add(new StringField(ID, id, Field.Store.NO));
                vector.add(new SortedDocValuesField(ID, new BytesRef(id)));
                vector.add(new KnnFloatVectorField(field(vectorFields[i], v.length), v, VectorSimilarityFunction.DOT_PRODUCT));
                vectorDocs.add(vector);
            }
            terms.writer.addDocument(termsDoc);
            if (!vectorDocs.isEmpty()) {
                vectors.writer.addDocuments(vectorDocs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    void remove(String entryId) {
        try {
            terms.writer.deleteDocuments(new Term(ID, entryId));
            vectors.writer.deleteDocuments(new Term(ID, entryId));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /** Makes the changes since the last refresh visible to searches. */
    void refresh() {
        terms.compact();
        if (terms.refresh()) {
            CollectionStatistics stats = terms.collectionStatistics(TERMS);
            entries = stats == null ? 0 : stats.docCount();
        }
        vectors.refresh();
    }

    /** The normalised BM25 of the {@code n} best entries by keywords, best first. */
    Map<String, Double> keyword(Map<String, Integer> queryTerms, int n) {
        return keyword(queryTerms, null, n);
    }

    /** The normalised BM25 of the given entries (those sharing no term with the query are left out). */
    Map<String, Double> keyword(Map<String, Integer> queryTerms, Collection<String> entryIds) {
        return entryIds.isEmpty() ? Map.of() : keyword(queryTerms, entryIds, entryIds.size());
    }

    private Map<String, Double> keyword(Map<String, Integer> queryTerms, Collection<String> only, int n) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (queryTerms.isEmpty() || n <= 0) {
            return scores;
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        double most = 0;
        int clauses = 0;
        for (String term : queryTerms.keySet()) {
            int df = docFreq(term);
            most += idf(df);
            // Only terms some entry has can score; the cap keeps a pasted essay under Lucene's clause limit.
            if (df > 0 && clauses < MAX_CLAUSES) {
                anyTerm.add(new TermQuery(new Term(TERMS, term)), Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return scores;
        }
        Query query = anyTerm.build();
        if (only != null) {
            query = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermInSetQuery(ID, only.stream().map(BytesRef::new).toList()), Occur.FILTER).build();
        }
        for (ScoreDoc hit : terms.search(query, n)) {
            scores.put(terms.id(hit), Math.min(1.0, hit.score / most));
        }
        return scores;
    }

    /** The ids of the entries whose vectors of that kind are closest to {@code query}, closest first, at most {@code n}. */
    List<String> nearest(Vectors vectors, float[] query, int n) {
        List<String> ids = new ArrayList<>();
        if (n <= 0 || query.length == 0) {
            return ids;
        }
        for (ScoreDoc hit : this.vectors.search(new KnnFloatVectorQuery(field(vectors, query.length), query, n), n)) {
            String id = this.vectors.id(hit);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** BM25's inverse document frequency of {@code term}: high for a rare term, highest for one no entry has. */
    double idf(String term) {
        return idf(docFreq(term));
    }

    private double idf(int docFreq) {
        return Math.log(1 + (entries - docFreq + 0.5) / (docFreq + 0.5));
    }

    private int docFreq(String term) {
        try {
            return terms.reader.docFreq(new Term(TERMS, term));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /** Vectors of another length (another model) go to another field: a field's dimension is fixed. */
    private static String field(Vectors vectors, int dims) {
        return (vectors == Vectors.ENTRY ? "v" : "a") + dims;
    }

    /** An entry's terms, each as often as it occurs, as Lucene takes pre-analysed text. */
    private static final class TermStream extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Map<String, Integer> frequencies;
        private Iterator<Map.Entry<String, Integer>> terms;
        private Map.Entry<String, Integer> current;
        private int left;

        TermStream(Map<String, Integer> frequencies) {
            this.frequencies = frequencies;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            terms = frequencies.entrySet().iterator();
            left = 0;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (left == 0) {
                if (!terms.hasNext()) {
                    return false;
                }
                current = terms.next();
                left = current.getValue();
            }
            left--;
            term.setEmpty().append(current.getKey());
            return true;
        }
    }
}
