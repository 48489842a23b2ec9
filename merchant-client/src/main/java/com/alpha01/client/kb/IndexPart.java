package com.alpha01.client.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One in-memory Lucene index of {@link LuceneIndex} (its terms, or its vectors): the writer, and the
 * searcher of its last refresh. Changed under the knowledge base's write lock, searched under its read lock.
 */
final class IndexPart {
    /** Segments a compacted index may have before it is merged into one. */
    static final int MAX_SEGMENTS = 4;

    private final BM25Similarity similarity;
    final IndexWriter writer;
    DirectoryReader reader;
    IndexSearcher searcher;

    IndexPart(BM25Similarity similarity) {
        this.similarity = similarity;
        try {
            IndexWriterConfig config = new IndexWriterConfig().setSimilarity(similarity)
                    .setMergeScheduler(new SerialMergeScheduler());
            writer = new IndexWriter(new ByteBuffersDirectory(), config);
            reader = DirectoryReader.open(writer);
            searcher = searcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /**
     * Merges the index into one segment once it has more than {@link #MAX_SEGMENTS}: every query
     * term is looked up in every segment, and an import leaves a dozen. Meant for the terms index,
     * whose merge is cheap (postings only); the vectors' HNSW graphs would be rebuilt.
     */
    void compact() {
        try {
            writer.flush();
            try (DirectoryReader now = DirectoryReader.open(writer)) {
                if (now.leaves().size() > MAX_SEGMENTS) {
                    writer.forceMerge(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /** Makes the changes visible; returns whether there were any. */
    boolean refresh() {
        try {
            DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
            if (changed == null) {
                return false;
            }
            DirectoryReader old = reader;
            reader = changed;
            searcher = searcher(changed);
            old.close();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    CollectionStatistics collectionStatistics(String field) {
        try {
            return searcher.collectionStatistics(field);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    ScoreDoc[] search(Query query, int n) {
        try {
            return searcher.search(query, n).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    /** The entry id of a hit, from doc values (stored fields would decompress a block per hit). */
    String id(ScoreDoc hit) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), LuceneIndex.ID);
            if (!ids.advanceExact(hit.doc - leaf.docBase)) {
                throw new IllegalStateException("a document without an entry id");
            }
            return ids.lookupOrd(ids.ordValue()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index", e);
        }
    }

    private IndexSearcher searcher(DirectoryReader reader) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(similarity);
        return s;
    }
}
