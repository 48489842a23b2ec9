package com.alpha01.bench;

import com.alpha01.client.kb.ImportProgress;
import com.alpha01.client.kb.ImportResult;
import com.alpha01.client.kb.KnowledgeBase;
import com.alpha01.client.kb.KnowledgeSearch.Hit;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Times the knowledge base on this machine: model load, embedding, import, search; writes the
 * figures as a table into a Markdown file (docs/benchmarks.md when run through Maven). Wall-clock
 * figures for people to read; no test depends on them.
 */
public final class KnowledgeBench {

    private static final Logger LOG = Logger.getLogger(KnowledgeBench.class);

    /** How much to measure: rounds over the query set, chunks embedded alone, chunks in the imported document. */
    public record Options(int rounds, int embedChunks, int documentChunks, int largeRows, Path out) {
        static Options parse(String[] args) {
            Options o = new Options(20, 100, 300, 10_000, Path.of("docs", "benchmarks.md"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                o = switch (args[i]) {
                    case "--rounds" -> new Options(Integer.parseInt(v), o.embedChunks, o.documentChunks, o.largeRows, o.out);
                    case "--embed-chunks" -> new Options(o.rounds, Integer.parseInt(v), o.documentChunks, o.largeRows, o.out);
                    case "--document-chunks" -> new Options(o.rounds, o.embedChunks, Integer.parseInt(v), o.largeRows, o.out);
                    case "--large-rows" -> new Options(o.rounds, o.embedChunks, o.documentChunks, Integer.parseInt(v), o.out);
                    case "--out" -> new Options(o.rounds, o.embedChunks, o.documentChunks, o.largeRows, Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--rounds N, --embed-chunks N, --document-chunks N, --large-rows N, --out FILE)");
                };
            }
            return o;
        }
    }

    /** The first column of every row the table has, in order. */
    static final List<String> ROWS = List.of("Model load", "Embed one chunk", "Embed chunks in batches", "Embed one query",
            "Import FAQ sheet", "Re-import unchanged", "Search, 40 FAQ entries", "Retrieval on this run",
            "Import text document", "Search, larger base", "Encrypted store size", "Import large FAQ", "Search, large FAQ");

    private final List<String[]> table = new ArrayList<>();

    private KnowledgeBench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        run(options);
        LOG.infof("knowledge-base benchmark written to %s", options.out().toAbsolutePath().normalize());
        System.exit(0);
    }

    /** Measures and writes {@code options.out()}. */
    public static void run(Options options) throws IOException {
        KnowledgeBench bench = new KnowledgeBench();
        bench.measure(options, BenchData.load());
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), bench.markdown(options), StandardCharsets.UTF_8);
    }

    private void measure(Options o, BenchData data) throws IOException {
        long t0 = System.nanoTime();
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        long t1 = System.nanoTime();
        model.embed("预热");
        long t2 = System.nanoTime();
        row("Model load", ms(t2 - t0), String.format("construct %s + first embedding %s", ms(t1 - t0), ms(t2 - t1)));

        List<String> passages = data.passages(o.embedChunks());
        passages.stream().limit(5).forEach(model::embed);   // warm-up
        long[] single = new long[passages.size()];
        for (int i = 0; i < passages.size(); i++) {
            long s = System.nanoTime();
            model.embed(passages.get(i));
            single[i] = System.nanoTime() - s;
        }
        row("Embed one chunk", percentiles(single), passages.size() + " chunks of ~300 characters, one at a time");
        long s = System.nanoTime();
        model.embedAll(passages.stream().map(TextSegment::from).toList());
        double perSecond = passages.size() / ((System.nanoTime() - s) / 1e9);
        row("Embed chunks in batches", String.format("%.1f chunks/s", perSecond), "embedAll, the model's own thread pool (one per core)");

        long[] queries = new long[data.queries().size() * o.rounds()];
        for (int r = 0, n = 0; r < o.rounds(); r++) {
            for (String q : data.queries()) {
                long q0 = System.nanoTime();
                model.embed(q);
                queries[n++] = System.nanoTime() - q0;
            }
        }
        row("Embed one query", percentiles(queries), queries.length + " queries (" + data.queries().size() + " questions × " + o.rounds() + ")");

        Path dir = Files.createTempDirectory("kb-bench");
        try {
            measureKnowledgeBase(o, data, model, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measureKnowledgeBase(Options o, BenchData data, EmbeddingModel model, Path dir) throws IOException {
        Path storeDir = dir.resolve("store");
        EncryptedStore store = EncryptedStore.open(storeDir, StoreKey.passphrase("knowledge-bench".toCharArray()));
        KnowledgeBase kb = KnowledgeBase.builder(store).embeddingModel(model).seedWithBuiltInFaq(false).open();
        Path sheet = Files.writeString(dir.resolve("coffee-faq.csv"), data.faqCsv(), StandardCharsets.UTF_8);

        long s = System.nanoTime();
        ImportResult faq = kb.importFile(sheet, ImportProgress.NONE);
        row("Import FAQ sheet", ms(System.nanoTime() - s), faq.entries() + " rows, question+answer and answer embedded (2 texts a row)");
        s = System.nanoTime();
        kb.importFile(sheet, ImportProgress.NONE);
        row("Re-import unchanged", ms(System.nanoTime() - s), "read + SHA-256, no embedding");

        int top1 = 0;
        int top3 = 0;
        int unrelatedConfident = 0;
        long[] searches = new long[data.queries().size() * o.rounds()];
        for (int r = 0, n = 0; r < o.rounds(); r++) {
            for (int i = 0; i < data.queries().size(); i++) {
                long q0 = System.nanoTime();
                List<Hit> hits = kb.search(data.queries().get(i), 3);
                searches[n++] = System.nanoTime() - q0;
                int row = data.expectedRows().get(i);
                if (r == 0 && row > 0) {
                    String expected = data.answers().get(row - 1);
                    top1 += !hits.isEmpty() && hits.get(0).text().equals(expected) ? 1 : 0;
                    top3 += hits.stream().anyMatch(h -> h.text().equals(expected)) ? 1 : 0;
                } else if (r == 0 && !hits.isEmpty() && kb.confident(hits.get(0))) {
                    unrelatedConfident++;
                }
            }
        }
        row("Search, 40 FAQ entries", percentiles(searches), searches.length + " searches, k = 3: query embedding + hybrid ranking");
        long answerable = data.expectedRows().stream().filter(r -> r > 0).count();
        row("Retrieval on this run", String.format("top-1 %d/%d, top-3 %d/%d", top1, answerable, top3, answerable),
                String.format("unrelated answered confidently: %d/%d", unrelatedConfident, data.queries().size() - answerable));

        String document = String.join("\n\n", data.passages(o.documentChunks()));
        Path text = Files.writeString(dir.resolve("门店说明.txt"), document, StandardCharsets.UTF_8);
        s = System.nanoTime();
        ImportResult imported = kb.importFile(text, ImportProgress.NONE);
        long took = System.nanoTime() - s;
        row("Import text document", ms(took), String.format("%,d characters → %d chunks; %.0f characters/s",
                document.length(), imported.entries(), document.length() / (took / 1e9)));

        long[] larger = new long[data.queries().size() * o.rounds()];
        for (int r = 0, n = 0; r < o.rounds(); r++) {
            for (String q : data.queries()) {
                long q0 = System.nanoTime();
                kb.search(q, 3);
                larger[n++] = System.nanoTime() - q0;
            }
        }
        row("Search, larger base", percentiles(larger), kb.size() + " entries, " + larger.length + " searches");

        long bytes;
        try (Stream<Path> files = Files.walk(storeDir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        row("Encrypted store size", String.format("%,d KB", bytes / 1024), String.format("%.1f KB per entry (vectors: 512 float32)", bytes / 1024.0 / kb.size()));
        measureLargeFaq(o, data, model, dir);
    }

    /** DESIGN's scale point: search over a knowledge base of {@code largeRows} FAQ rows (10,000 by default). */
    private void measureLargeFaq(Options o, BenchData data, EmbeddingModel model, Path dir) throws IOException {
        EncryptedStore store = EncryptedStore.open(dir.resolve("large"), StoreKey.passphrase("knowledge-bench".toCharArray()));
        KnowledgeBase kb = KnowledgeBase.builder(store).embeddingModel(model).seedWithBuiltInFaq(false).open();
        long s = System.nanoTime();
        for (int from = 0, sheet = 1; from < o.largeRows(); from += LARGE_SHEET, sheet++) {
            int rows = Math.min(LARGE_SHEET, o.largeRows() - from);
            Path file = Files.writeString(dir.resolve("large-" + sheet + ".csv"), data.largeFaqCsv(from, rows), StandardCharsets.UTF_8);
            kb.importFile(file, ImportProgress.NONE);
        }
        row("Import large FAQ", ms(System.nanoTime() - s), String.format("%,d rows in sheets of up to %,d (the import's size limit), "
                + "2 texts a row embedded", kb.size(), LARGE_SHEET));
        long[] searches = new long[data.queries().size() * o.rounds()];
        for (int r = 0, n = 0; r < o.rounds(); r++) {
            for (String q : data.queries()) {
                long q0 = System.nanoTime();
                kb.search(q, 3);
                searches[n++] = System.nanoTime() - q0;
            }
        }
        row("Search, large FAQ", percentiles(searches), String.format("%,d entries, %d searches, k = 3: query embedding + "
                + "Lucene BM25 and HNSW candidates + exact ranking", kb.size(), searches.length));
    }

    /** Rows per generated sheet: 2,500 rows of ~150 characters stay under the import's 1,000,000 characters. */
    private static final int LARGE_SHEET = 2_500;

    private void row(String what, String result, String detail) {
        table.add(new String[] {what, result, detail});
        LOG.infof("%-26s %-22s %s", what, result, detail);
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }

    /** p50 / p95 (nearest rank) in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms", rank(sorted, 50) / 1e6, rank(sorted, 95) / 1e6);
    }

    private static long rank(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private String markdown(Options o) {
        StringBuilder md = new StringBuilder("""
                # Benchmarks

                Routing, the real stack against a bare WebSocket relay in the same run (`bench/run routing-100`, `bench/run routing-1000`): [routing-100](bench/routing-100.md), [routing-1000](bench/routing-1000.md).

                Figures of the merchant client's knowledge base (`com.alpha01.client.kb`), measured by
                `bench/src/main/java/com/alpha01/bench/KnowledgeBench.java`, which writes this file. They are
                wall-clock times on one machine, for people to read: no test passes or fails on a time (CI runs
                only `KnowledgeBenchSmokeTest`, with tiny counts, into a temporary file).

                What is measured: loading the embedding model (bge-small-zh-v1.5, quantized, in-process ONNX);
                embedding one ~300-character chunk and one short query; batch throughput; importing the
                coffee-shop FAQ sheet of the retrieval test and a generated text document; a re-import of an
                unchanged file; search latency (query embedding + hybrid BM25/vector ranking, k = 3) over the
                test's 100 questions, on the 40-entry FAQ base, on a larger base, and on a generated FAQ of
                10,000 rows (DESIGN's scale point); the encrypted store's size.
                Percentiles are nearest-rank.

                Run it (a few minutes, most of it embedding the large FAQ; rewrites this file):

                    ./mvnw -pl bench -am -Pbench verify -DskipTests

                """);
        md.append(String.format("Machine: %d cores (%s), Java %s, %s %s; max heap %d MB. Options: rounds %d, embed-chunks %d, "
                        + "document-chunks %d, large-rows %d. Run on %s.%n%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / 1048576, o.rounds(), o.embedChunks(), o.documentChunks(), o.largeRows(),
                LocalDate.now()));
        md.append("| Measure | Result | Detail |\n|---|---|---|\n");
        for (String[] r : table) {
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        return md.toString();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("CPU unknown");
        } catch (IOException | RuntimeException e) {
            return "CPU unknown";
        }
    }
}
