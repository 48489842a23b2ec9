package com.alpha01.bench;

import com.alpha01.client.files.Folders;
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
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Times the knowledge base on this machine: model load, embedding, import, search; writes the
 * figures as a table into a Markdown file (docs/bench/knowledge-base.md when run through Maven). Wall-clock
 * figures for people to read; no test depends on them.
 */
public final class KnowledgeBench {

    private static final Logger LOG = Logger.getLogger(KnowledgeBench.class);

    /** The first column of every row the table has, in order. */
    static final List<String> ROWS = List.of("Model load", "Embed one chunk", "Embed chunks in batches", "Embed one query",
            "Import FAQ sheet", "Re-import unchanged", "Search, 40 FAQ entries", "Retrieval on this run", "Offline answer",
            "Time to first token added", "Import text document", "Search, larger base", "Encrypted store size",
            "Import large FAQ", "Store size, large FAQ", "Open large FAQ", "Search, large FAQ",
            "Import very large FAQ", "Store size, very large FAQ", "Open very large FAQ", "Search, very large FAQ");

    private final BenchReport report = new BenchReport();
    private final String loadAtStart = loadAverage();

    private KnowledgeBench() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options = BenchOptions.parse(args);
        run(options);
        LOG.infof("knowledge-base benchmark written to %s", options.out().toAbsolutePath().normalize());
        System.exit(0);
    }

    /** Measures and writes {@code options.out()}. */
    public static void run(BenchOptions options) throws IOException {
        KnowledgeBench bench = new KnowledgeBench();
        bench.measure(options, BenchData.load());
        List<String> charts = BenchCharts.write(bench.report, options.chartDir());
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), bench.markdown(options, charts), StandardCharsets.UTF_8);
    }

    private void measure(BenchOptions o, BenchData data) throws IOException {
        long t0 = System.nanoTime();
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        long t1 = System.nanoTime();
        model.embed("预热");
        long t2 = System.nanoTime();
        report.row("Model load", ms(t2 - t0), String.format("construct %s + first embedding %s", ms(t1 - t0), ms(t2 - t1)));

        List<String> passages = data.passages(o.embedChunks());
        passages.stream().limit(5).forEach(model::embed);   // warm-up
        long[] single = new long[passages.size()];
        for (int i = 0; i < passages.size(); i++) {
            long s = System.nanoTime();
            model.embed(passages.get(i));
            single[i] = System.nanoTime() - s;
        }
        report.row("Embed one chunk", Latencies.of(single).summary(), passages.size() + " chunks of ~300 characters, one at a time");
        long s = System.nanoTime();
        model.embedAll(passages.stream().map(TextSegment::from).toList());
        double perSecond = passages.size() / ((System.nanoTime() - s) / 1e9);
        report.row("Embed chunks in batches", String.format("%.1f chunks/s", perSecond), "embedAll, the model's own thread pool (one per core)");

        long[] queries = new long[data.queries().size() * o.rounds()];
        for (int r = 0, n = 0; r < o.rounds(); r++) {
            for (String q : data.queries()) {
                long q0 = System.nanoTime();
                model.embed(q);
                queries[n++] = System.nanoTime() - q0;
            }
        }
        report.row("Embed one query", Latencies.of(queries).summary(), queries.length + " queries (" + data.queries().size() + " questions × " + o.rounds() + ")");

        Path dir = Files.createTempDirectory("kb-bench");
        try {
            measureKnowledgeBase(o, data, model, dir);
        } finally {
            Folders.delete(dir);
        }
    }

    private void measureKnowledgeBase(BenchOptions o, BenchData data, EmbeddingModel model, Path dir) throws IOException {
        Path storeDir = dir.resolve("store");
        EncryptedStore store = EncryptedStore.open(storeDir, StoreKey.passphrase("knowledge-bench".toCharArray()));
        KnowledgeBase kb = KnowledgeBase.builder(store).embeddingModel(model).seedWithBuiltInFaq(false).open();
        Path sheet = Files.writeString(dir.resolve("coffee-faq.csv"), data.faqCsv(), StandardCharsets.UTF_8);

        long s = System.nanoTime();
        ImportResult faq = kb.importFile(sheet, ImportProgress.NONE);
        report.row("Import FAQ sheet", ms(System.nanoTime() - s), faq.entries() + " rows, question+answer and answer embedded (2 texts a row)");
        s = System.nanoTime();
        kb.importFile(sheet, ImportProgress.NONE);
        report.row("Re-import unchanged", ms(System.nanoTime() - s), "read + SHA-256, no embedding");

        int top1 = 0;
        int top3 = 0;
        int unrelatedConfident = 0;
        for (int i = 0; i < data.queries().size(); i++) {
            List<Hit> hits = kb.search(data.queries().get(i), 3);
            int row = data.expectedRows().get(i);
            if (row > 0) {
                String expected = data.answers().get(row - 1);
                top1 += !hits.isEmpty() && hits.get(0).text().equals(expected) ? 1 : 0;
                top3 += hits.stream().anyMatch(h -> h.text().equals(expected)) ? 1 : 0;
            } else if (!hits.isEmpty() && kb.confident(hits.get(0))) {
                unrelatedConfident++;
            }
        }
        SearchTimes faqSearch = SearchTimes.measure(kb, data.queries(), o.rounds());
        report.search("FAQ", kb.size(), faqSearch);
        report.row("Search, 40 FAQ entries", faqSearch.wall().summary(), faqSearch.wall().count() + " searches, k = 3: "
                + "query embedding + hybrid ranking; " + faqSearch.cpuDetail());
        long answerable = data.expectedRows().stream().filter(r -> r > 0).count();
        report.row("Retrieval on this run", String.format("top-1 %d/%d, top-3 %d/%d", top1, answerable, top3, answerable),
                String.format("unrelated answered confidently: %d/%d", unrelatedConfident, data.queries().size() - answerable));
        AnswerBench answers = new AnswerBench(data, kb, report);
        answers.offline(o.rounds());
        answers.timeToFirstToken(o.ttftRuns());

        String document = String.join("\n\n", data.passages(o.documentChunks()));
        Path text = Files.writeString(dir.resolve("门店说明.txt"), document, StandardCharsets.UTF_8);
        s = System.nanoTime();
        ImportResult imported = kb.importFile(text, ImportProgress.NONE);
        long took = System.nanoTime() - s;
        report.row("Import text document", ms(took), String.format("%,d characters → %d chunks; %.0f characters/s",
                document.length(), imported.entries(), document.length() / (took / 1e9)));

        SearchTimes largerSearch = SearchTimes.measure(kb, data.queries(), o.rounds());
        report.search("larger base", kb.size(), largerSearch);
        report.row("Search, larger base", largerSearch.wall().summary(), kb.size() + " entries (the FAQ and the document's "
                + "chunks), " + largerSearch.wall().count() + " searches; " + largerSearch.cpuDetail());

        long bytes = ScaleBench.size(storeDir);
        report.row("Encrypted store size", String.format("%,d KB", bytes / 1024), String.format("%.1f KB per entry (vectors: 512 float32)", bytes / 1024.0 / kb.size()));
        ScaleBench scale = new ScaleBench(data, model, report, o);
        scale.measure("large FAQ", o.largeRows(), 20, dir);
        if (o.veryLargeRows() > 0) {
            scale.measure("very large FAQ", o.veryLargeRows(), 50, dir);
        }
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }

    private String markdown(BenchOptions o, List<String> charts) {
        StringBuilder md = new StringBuilder("""
                ## Knowledge base and local AI

                (`bench/run ai`; the index of every benchmark is [docs/benchmarks.md](../benchmarks.md).)

                Figures of the merchant client's knowledge base (`com.alpha01.client.kb`), measured by
                `bench/src/main/java/com/alpha01/bench/KnowledgeBench.java`, which writes this file. They are
                wall-clock times on one machine, for people to read: no test passes or fails on a time (CI runs
                only `KnowledgeBenchSmokeTest`, with tiny counts, into a temporary file).

                What is measured: loading the embedding model (bge-small-zh-v1.5, quantized, in-process ONNX);
                embedding one ~300-character chunk and one short query; batch throughput; importing the
                coffee-shop FAQ sheet of the retrieval test and a generated text document; a re-import of an
                unchanged file; search latency (query embedding + hybrid BM25/vector ranking, k = 3) over the
                test's 100 questions, on the 40-entry FAQ base, on a larger base, and on generated FAQs of
                10,000 rows (DESIGN's scale point) and 100,000 rows, with their import throughput, store size
                and open (start-up) time; the encrypted store's size; the assistant's offline answer without a
                model key, and the time to first token the client adds over a fake ZhipuAI model's own.
                Percentiles are nearest-rank. A search row's Result is wall clock; its Detail adds the searching
                thread's CPU time, what the search costs when it need not wait for a core on a shared machine.
                Charts (XChart) are redrawn into `docs/bench/` by the same run.

                Run it (half an hour, most of it embedding the generated FAQs; rewrites this file and the charts):

                    ./mvnw -pl bench -am -Pbench verify -DskipTests

                """);
        md.append(String.format("Machine: %d cores (%s), Java %s, %s %s; max heap %d MB. Options: rounds %d, embed-chunks %d, "
                        + "document-chunks %d, large-rows %d, very-large-rows %d, ttft-runs %d. Run on %s. Load average "
                        + "(1 min) %s at the start, %s at the end: other builds share these cores.%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() / 1048576,
                o.rounds(), o.embedChunks(), o.documentChunks(), o.largeRows(), o.veryLargeRows(), o.ttftRuns(),
                LocalDate.now(), loadAtStart, loadAverage()));
        md.append("| Measure | Result | Detail |\n|---|---|---|\n");
        for (String[] r : report.rows()) {
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
        }
        for (String chart : charts) {
            md.append("\n![").append(chart.replace(".png", "")).append("](").append(chart).append(")\n");
        }
        return md.toString();
    }

    /** The 1-minute load average, from /proc/loadavg. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("CPU unknown");
        } catch (IOException | RuntimeException e) {
            return "CPU unknown";
        }
    }
}
