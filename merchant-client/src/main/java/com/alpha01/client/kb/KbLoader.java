package com.alpha01.client.kb;

import com.alpha01.client.kb.KbStore.Catalog;
import com.alpha01.client.kb.KbStore.StoredEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fills the in-memory index from the store when the knowledge base opens: the first time with
 * the built-in FAQ; after a change of embedding model or scheme by embedding everything again;
 * a damaged document record is left out (with a warning) rather than stopping the app.
 */
final class KbLoader {

    /** The document the app starts with: the demo shop's FAQ, until the shop imports its own (KbChanges). */
    static final String BUILT_IN_FAQ_ID = "builtin-faq";

    private static final Logger LOG = Logger.getLogger(KbLoader.class);

    private final KbStore store;
    private final Embedder embedder;
    private final RetrievalTuning tuning;
    private final String scheme;

    KbLoader(KbStore store, Embedder embedder, RetrievalTuning tuning, String scheme) {
        this.store = store;
        this.embedder = embedder;
        this.tuning = tuning;
        this.scheme = scheme;
    }

    void load(SearchIndex index, boolean seed) throws IOException {
        Optional<Catalog> catalog = store.readCatalog();
        if (catalog.isEmpty()) {
            List<KnowledgeDocument> docs = new ArrayList<>();
            if (seed) {
                docs.add(seedBuiltInFaq(index));
            }
            store.writeCatalog(new Catalog(scheme, docs));
            return;
        }
        boolean stale = !catalog.get().embeddingScheme().equals(scheme);
        if (stale) {
            LOG.infof("knowledge base: embeddings were made with %s, embedding again with %s",
                    catalog.get().embeddingScheme(), scheme);
        }
        List<KnowledgeDocument> kept = new ArrayList<>();
        for (KnowledgeDocument doc : catalog.get().documents()) {
            List<StoredEntry> stored;
            try {
                stored = store.readDocument(doc.id());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("knowledge base: document %s (%s) cannot be read and is left out: %s", doc.id(), doc.name(), e.getMessage());
                continue;
            }
            List<IndexedEntry> entries;
            if (stale) {
                entries = Importer.embed(stored.stream().map(StoredEntry::entry).toList(), List.of(), embedder, tuning, ImportProgress.NONE);
                store.writeDocument(doc.id(), entries);
            } else {
                entries = stored.stream().map(s -> new IndexedEntry(s.entry(), s.vectors())).toList();
            }
            index.putDocument(doc, entries);
            kept.add(doc);
        }
        if (stale || kept.size() != catalog.get().documents().size()) {
            store.writeCatalog(new Catalog(scheme, kept));
        }
        LOG.infof("knowledge base: %d documents, %d entries", kept.size(), index.size());
    }

    private KnowledgeDocument seedBuiltInFaq(SearchIndex index) throws IOException {
        List<Importer.Draft> drafts = Importer.builtInFaq();
        String id = BUILT_IN_FAQ_ID;
        List<IndexedEntry> entries = Importer.embed(Importer.number(id, drafts), List.of(), embedder, tuning, ImportProgress.NONE);
        StringBuilder content = new StringBuilder();
        drafts.forEach(d -> content.append(d.question()).append('\u0000').append(d.text()).append('\n'));
        KnowledgeDocument doc = new KnowledgeDocument(id, "默认常见问题", DocumentKind.BUILT_IN_FAQ,
                Importer.sha256(content.toString().getBytes(StandardCharsets.UTF_8)), Instant.now(), entries.size());
        store.writeDocument(id, entries);
        index.putDocument(doc, entries);
        LOG.infof("knowledge base: started with the built-in FAQ (%d entries)", entries.size());
        return doc;
    }
}
