package com.alpha01.client.kb;

import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.kb.ImportProgress.Stage;
import com.alpha01.client.kb.ParsedDocument.FaqRow;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * From a parsed file to entries with vectors: FAQ rows one entry each, prose through
 * {@link ChineseSplitter}; vectors reused from the previous version of the document wherever
 * the embedded text is the same, so a changed file costs only its changed parts.
 */
final class Importer {

    /** An entry before it has an id and vectors. */
    record Draft(String question, String text, String source) {
    }

    private Importer() {
    }

    static List<Draft> drafts(String name, ParsedDocument parsed) {
        List<Draft> drafts = new ArrayList<>();
        for (FaqRow row : parsed.rows()) {
            drafts.add(new Draft(row.question(), row.answer(), name + " · " + row.label()));
        }
        for (ChineseSplitter.Chunk chunk : ChineseSplitter.split(parsed.blocks())) {
            drafts.add(new Draft(null, chunk.text(), name + " · " + chunk.label()));
        }
        return drafts;
    }

    /** The FAQ shipped with the client as drafts: the keywords are the question. */
    static List<Draft> builtInFaq() {
        List<Draft> drafts = new ArrayList<>();
        int n = 0;
        for (Entry<String, String> e : FaqResponder.builtIn().entries()) {
            drafts.add(new Draft(e.getKey(), e.getValue(), "常见问题 · 第" + (++n) + "条"));
        }
        return drafts;
    }

    /** The drafts as entries {@code <documentId>-1…n} of one document. */
    static List<KnowledgeEntry> number(String documentId, List<Draft> drafts) {
        List<KnowledgeEntry> entries = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            entries.add(new KnowledgeEntry(documentId + "-" + (entries.size() + 1), documentId, d.question(), d.text(), d.source()));
        }
        return entries;
    }

    /**
     * The entries with vectors, embedding only the texts {@code previous} has no vector for.
     * Reports EMBEDDING progress in texts embedded (0 of 0 when nothing changed).
     */
    static List<IndexedEntry> embed(List<KnowledgeEntry> entries, List<IndexedEntry> previous,
                                    Embedder embedder, RetrievalTuning tuning, ImportProgress progress) {
        Map<String, float[]> known = new HashMap<>();
        for (IndexedEntry e : previous) {
            List<String> inputs = inputs(e.entry, tuning);
            for (int i = 0; i < inputs.size() && i < e.vectors.length; i++) {
                known.put(inputs.get(i), e.vectors[i]);
            }
        }
        Set<String> missingSet = new LinkedHashSet<>();
        for (KnowledgeEntry e : entries) {
            for (String input : inputs(e, tuning)) {
                if (!known.containsKey(input)) {
                    missingSet.add(input);
                }
            }
        }
        List<String> missing = List.copyOf(missingSet);
        progress.update(Stage.EMBEDDING, 0, missing.size());
        List<float[]> vectors = embedder.passages(missing, done -> progress.update(Stage.EMBEDDING, done, missing.size()));
        for (int i = 0; i < missing.size(); i++) {
            known.put(missing.get(i), vectors.get(i));
        }
        List<IndexedEntry> out = new ArrayList<>(entries.size());
        for (KnowledgeEntry e : entries) {
            out.add(new IndexedEntry(e, inputs(e, tuning).stream().map(known::get).toArray(float[][]::new)));
        }
        return out;
    }

    private static List<String> inputs(KnowledgeEntry e, RetrievalTuning tuning) {
        return IndexedEntry.embeddingInputs(e.question(), e.text(), tuning);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
