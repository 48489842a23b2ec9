package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.kb.DocumentKind;
import com.alpha01.client.kb.ImportResult;
import com.alpha01.client.kb.KnowledgeBase;
import com.alpha01.client.kb.KnowledgeBaseException;
import com.alpha01.client.kb.KnowledgeEntry;
import com.alpha01.client.kb.KnowledgeSearch;
import com.alpha01.client.kb.UnansweredQuestions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.awt.EventQueue;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jboss.logging.Logger;

/**
 * The 知识库 screen's requests: list documents and entries, search (hits with scores and
 * sources), import files in the background with progress events ({@code kbProgress}, then
 * {@code kbImported}), add, edit and delete entries and documents; the questions the assistant
 * handed to staff this week, to add (an entry added for one resolves it) or dismiss. Works offline.
 */
public final class KnowledgeScreen {

    private static final Logger LOG = Logger.getLogger(KnowledgeScreen.class);
    private static final int MAX_LISTED = 300;

    private final LocalAi ai;
    private final Supplier<Optional<DesktopWindow>> window;
    private volatile Bridge bridge;
    private final ExecutorService imports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alpha01-kb-import");
        t.setDaemon(true);
        return t;
    });

    static final int FOLDER_DEPTH = 3;
    static final int FOLDER_FILES = 100;

    public KnowledgeScreen(LocalAi ai, Supplier<Optional<DesktopWindow>> window) {
        this.ai = ai;
        this.window = window;
    }

    /** Answers the screen's requests on {@code bridge}, and reports imports there. */
    public void register(Bridge bridge) {
        this.bridge = bridge;
        bridge.on("knowledge.list", r -> list(r.getString("documentId", "")));
        bridge.on("knowledge.search", r -> {
            String q = r.getString("q", "").strip();
            if (q.isEmpty() || q.length() > 500) {
                throw new BridgeException("BAD_REQUEST", "a search needs 1-500 characters");
            }
            JsonArrayBuilder hits = JSON.createArrayBuilder();
            KnowledgeBase kb = kb();
            for (KnowledgeSearch.Hit h : kb.search(q, 5)) {
                hits.add(JSON.createObjectBuilder().add("entryId", h.entryId()).add("text", h.text())
                        .add("source", h.source()).add("passage", h.passage()).add("score", Math.round(h.score() * 1000) / 1000.0)
                        .add("confident", kb.confident(h)));
            }
            return JSON.createObjectBuilder().add("hits", hits).build();
        });
        bridge.on("knowledge.importPaths", r -> {
            List<Path> paths = strings(r, "paths").stream().map(Path::of).filter(Files::isRegularFile).toList();
            if (paths.isEmpty()) {
                throw new BridgeException("BAD_REQUEST", "no readable file");
            }
            importAll(paths);
            return JSON.createObjectBuilder().add("started", paths.size()).build();
        });
        bridge.on("knowledge.importDropped", r -> {
            List<String> names = strings(r, "names");
            List<Path> dropped = window.get().map(w -> w.drops().dropped(names)).orElse(List.of());
            if (dropped.isEmpty()) {
                throw new BridgeException("NO_FILE", "the dropped items are not files on this computer");
            }
            List<Path> paths = importable(dropped);
            if (paths.isEmpty()) {
                throw new BridgeException("NO_SUPPORTED_FILE", "nothing dropped is of a type the knowledge base reads");
            }
            importAll(paths);
            return JSON.createObjectBuilder().add("started", paths.size()).build();
        });
        bridge.on("knowledge.pick", r -> {
            EventQueue.invokeLater(() -> {
                JFileChooser chooser = new JFileChooser();
                chooser.setMultiSelectionEnabled(true);
                chooser.setFileFilter(new FileNameExtensionFilter(
                        "TXT, Markdown, HTML, PDF, DOCX, XLSX, CSV", DocumentKind.importableExtensions()));
                if (chooser.showOpenDialog(null) == JFileChooser.APPROVE_OPTION) {
                    importAll(List.of(chooser.getSelectedFiles()).stream().map(File::toPath).toList());
                }
            });
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        bridge.on("knowledge.add", r -> {
            String q = text(r, "question", 500);
            String a = text(r, "text", 4000);
            try {
                KnowledgeEntry added = kb().addEntry(q, a);
                ai.unanswered().resolve(r.getString("unansweredId", null), q);
                return entry(added);
            } catch (IOException e) {
                throw failed(e);
            }
        });
        bridge.on("knowledge.unanswered", r -> {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            ai.unanswered().thisWeek().forEach(q -> list.add(JSON.createObjectBuilder(question(q.newest()))
                    .add("count", q.count())));
            return JSON.createObjectBuilder().add("questions", list).build();
        });
        bridge.on("knowledge.dismissUnanswered", r -> {
            if (!ai.unanswered().dismiss(r.getString("id", ""))) {
                throw new BridgeException("NOT_FOUND", "no such open question");
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        bridge.on("knowledge.edit", r -> {
            String id = r.getString("id", "");
            String a = text(r, "text", 4000);
            String q = r.getString("question", null);
            try {
                return entry(q == null ? kb().editEntry(id, a) : kb().editEntry(id, q.strip(), a));
            } catch (IOException e) {
                throw failed(e);
            } catch (IllegalArgumentException | NoSuchElementException e) {
                throw new BridgeException("NOT_FOUND", "no such entry");
            }
        });
        bridge.on("knowledge.delete", r -> {
            try {
                if (!kb().deleteEntry(r.getString("id", ""))) {
                    throw new BridgeException("NOT_FOUND", "no such entry");
                }
                return JsonValue.EMPTY_JSON_OBJECT;
            } catch (IOException e) {
                throw failed(e);
            }
        });
        bridge.on("knowledge.deleteDocument", r -> {
            try {
                if (!kb().deleteDocument(r.getString("id", ""))) {
                    throw new BridgeException("NOT_FOUND", "no such document");
                }
                return JsonValue.EMPTY_JSON_OBJECT;
            } catch (IOException e) {
                throw failed(e);
            }
        });
    }

    /**
     * The files to import from what was dropped: files as they are (an unsupported one is refused
     * by the import, with its reason), and from a folder the supported files in it and in its
     * subfolders up to {@value #FOLDER_DEPTH} levels, by path, at most {@value #FOLDER_FILES}.
     */
    static List<Path> importable(List<Path> dropped) throws BridgeException {
        List<Path> files = new ArrayList<>();
        for (Path p : dropped) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (var walk = Files.walk(p, FOLDER_DEPTH)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> DocumentKind.ofFileName(f.getFileName().toString()).isPresent())
                        .sorted().limit(FOLDER_FILES).forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new BridgeException("NO_FILE", "the folder could not be read");
            }
        }
        return files;
    }

    /** Imports one file after another, reporting each step to the page; a bad file does not stop the rest. */
    void importAll(List<Path> paths) {
        imports.execute(() -> {
            KnowledgeBase kb = ai.awaitKnowledge();
            for (Path p : paths) {
                String name = p.getFileName().toString();
                try {
                    ImportResult result = kb.importFile(p, (stage, done, total) -> bridge.emit("kbProgress",
                            JSON.createObjectBuilder().add("name", name).add("stage", stage.name()).add("done", done)
                                    .add("total", total).build()));
                    bridge.emit("kbImported", JSON.createObjectBuilder().add("name", name).add("ok", true)
                            .add("entries", result.entries()).add("unchanged", result.skippedUnchanged()).build());
                } catch (IOException | RuntimeException e) {
                    String reason = e instanceof KnowledgeBaseException k ? k.reason().name() : "FAILED";
                    LOG.warnf("Import of a file failed: %s", reason);
                    bridge.emit("kbImported", JSON.createObjectBuilder().add("name", name).add("ok", false)
                            .add("error", reason).add("message", String.valueOf(e.getMessage())).build());
                }
            }
        });
    }

    private JsonObject list(String documentId) throws BridgeException {
        KnowledgeBase kb = ai.knowledge().orElse(null);
        if (kb == null) {
            return JSON.createObjectBuilder().add("loading", true).add("documents", JSON.createArrayBuilder())
                    .add("entries", JSON.createArrayBuilder()).add("size", 0).build();
        }
        JsonArrayBuilder docs = JSON.createArrayBuilder();
        kb.documents().forEach(d -> docs.add(JSON.createObjectBuilder().add("id", d.id()).add("name", d.name())
                .add("kind", d.kind().name()).add("entries", d.entries()).add("importedAt", d.importedAt().toString())));
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        kb.entries(documentId.isEmpty() ? null : documentId, 0, MAX_LISTED).forEach(e -> entries.add(entry(e)));
        return JSON.createObjectBuilder().add("loading", false).add("documents", docs).add("entries", entries)
                .add("size", kb.size()).build();
    }

    private static JsonObject entry(KnowledgeEntry e) {
        return JSON.createObjectBuilder().add("id", e.id()).add("documentId", e.documentId())
                .add("question", e.question() == null ? "" : e.question()).add("text", e.text())
                .add("source", e.source()).build();
    }

    /** A question the assistant handed over, with staff's answer when they gave one ("" otherwise). */
    static JsonObject question(UnansweredQuestions.Question q) {
        return JSON.createObjectBuilder().add("id", q.id()).add("conversationId", q.conversationId()).add("seq", q.seq())
                .add("text", q.text()).add("at", q.at().toString()).add("answer", q.staffAnswer()).build();
    }

    private KnowledgeBase kb() throws BridgeException {
        return ai.knowledge().orElseThrow(() -> new BridgeException("LOADING", "the knowledge base is still loading"));
    }

    /** The strings of the array {@code key} (other values and a missing array give none). */
    private static List<String> strings(JsonObject r, String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : r.getJsonArray(key) == null ? List.<JsonValue>of() : r.getJsonArray(key)) {
            if (v instanceof JsonString s) {
                out.add(s.getString());
            }
        }
        return out;
    }

    private static String text(JsonObject r, String key, int max) throws BridgeException {
        String v = r.getString(key, "").strip();
        if (v.isEmpty() || v.length() > max) {
            throw new BridgeException("BAD_REQUEST", key + " needs 1-" + max + " characters");
        }
        return v;
    }

    private static BridgeException failed(IOException e) {
        return new BridgeException("STORE_FAILED", "the knowledge base could not be saved");
    }
}
