package com.alpha01.client.kb;

import com.alpha01.client.store.EncryptedStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base in the encrypted store, as few records as possible while an edit stays cheap:
 * {@code kb.catalog} lists the documents (small; written when a document is added, replaced or
 * deleted), and one {@code kb.doc.<id>} per document holds its entries with their vectors (written
 * when that document changes: an entry edit rewrites one document, not the whole base).
 * A compact binary layout, versioned; vectors as float32.
 */
final class KbStore {

    private static final String CATALOG = "kb.catalog";
    private static final int CATALOG_FORMAT = 1;
    private static final int DOCUMENT_FORMAT = 1;

    /** What the catalog holds: the embedding scheme the vectors were made with, and the documents. */
    record Catalog(String embeddingScheme, List<KnowledgeDocument> documents) {

        /** {@code current} with {@code put} (nullable) added or replaced and {@code removeId} (nullable) gone. */
        static Catalog after(String scheme, List<KnowledgeDocument> current, KnowledgeDocument put, String removeId) {
            List<KnowledgeDocument> docs = new ArrayList<>();
            for (KnowledgeDocument d : current) {
                if (!d.id().equals(removeId) && (put == null || !d.id().equals(put.id()))) {
                    docs.add(d);
                }
            }
            if (put != null) {
                docs.add(put);
            }
            return new Catalog(scheme, docs);
        }
    }

    /** An entry as stored: the entry and its vectors. */
    record StoredEntry(KnowledgeEntry entry, float[][] vectors) {
    }

    private final EncryptedStore store;

    KbStore(EncryptedStore store) {
        this.store = store;
    }

    static String documentRecord(String documentId) {
        return "kb.doc." + documentId;
    }

    Optional<Catalog> readCatalog() throws IOException {
        Optional<byte[]> bytes = store.get(CATALOG);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get()));
        int format = in.readInt();
        if (format != CATALOG_FORMAT) {
            throw new IOException("knowledge base catalog format " + format + " is not supported");
        }
        String scheme = readString(in);
        int n = in.readInt();
        List<KnowledgeDocument> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            documents.add(new KnowledgeDocument(readString(in), readString(in), DocumentKind.valueOf(readString(in)),
                    readString(in), Instant.ofEpochMilli(in.readLong()), 0));
        }
        return Optional.of(new Catalog(scheme, documents));
    }

    void writeCatalog(Catalog catalog) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(CATALOG_FORMAT);
        writeString(out, catalog.embeddingScheme());
        out.writeInt(catalog.documents().size());
        for (KnowledgeDocument d : catalog.documents()) {
            writeString(out, d.id());
            writeString(out, d.name());
            writeString(out, d.kind().name());
            writeString(out, d.contentHash());
            out.writeLong(d.importedAt().toEpochMilli());
        }
        store.put(CATALOG, bytes.toByteArray());
    }

    List<StoredEntry> readDocument(String documentId) throws IOException {
        Optional<byte[]> bytes = store.get(documentRecord(documentId));
        if (bytes.isEmpty()) {
            throw new IOException("knowledge base record of document " + documentId + " is missing");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get()));
        int format = in.readInt();
        if (format != DOCUMENT_FORMAT) {
            throw new IOException("knowledge base document format " + format + " is not supported");
        }
        int n = in.readInt();
        List<StoredEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = readString(in);
            String question = in.readBoolean() ? readString(in) : null;
            KnowledgeEntry entry = new KnowledgeEntry(id, documentId, question, readString(in), readString(in));
            float[][] vectors = new float[in.readInt()][];
            for (int v = 0; v < vectors.length; v++) {
                vectors[v] = new float[in.readInt()];
                for (int d = 0; d < vectors[v].length; d++) {
                    vectors[v][d] = in.readFloat();
                }
            }
            entries.add(new StoredEntry(entry, vectors));
        }
        return entries;
    }

    void writeDocument(String documentId, List<IndexedEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 2600 + 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(DOCUMENT_FORMAT);
        out.writeInt(entries.size());
        for (IndexedEntry e : entries) {
            writeString(out, e.entry.id());
            out.writeBoolean(e.entry.question() != null);
            if (e.entry.question() != null) {
                writeString(out, e.entry.question());
            }
            writeString(out, e.entry.text());
            writeString(out, e.entry.source());
            out.writeInt(e.vectors.length);
            for (float[] v : e.vectors) {
                out.writeInt(v.length);
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
        }
        store.put(documentRecord(documentId), bytes.toByteArray());
    }

    void deleteDocument(String documentId) throws IOException {
        store.delete(documentRecord(documentId));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
