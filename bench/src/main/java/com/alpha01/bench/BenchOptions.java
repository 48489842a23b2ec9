package com.alpha01.bench;

import java.nio.file.Path;

/**
 * How much the knowledge bench measures: rounds over the query set, chunks embedded alone, chunks in the imported
 * document, rows of the large and very large generated FAQ (0 leaves the very large one out), questions timed for
 * the time to first token, where the Markdown goes (charts beside it, in {@code bench/}), and where the search
 * profiles (JFR) of the large bases go (null: none recorded).
 */
public record BenchOptions(int rounds, int embedChunks, int documentChunks, int largeRows, int veryLargeRows,
                           int ttftRuns, Path out, Path jfrDir) {

    static final String USAGE = "--rounds N, --embed-chunks N, --document-chunks N, --large-rows N, --very-large-rows N,"
            + " --ttft-runs N, --out FILE, --jfr DIR";

    static BenchOptions defaults() {
        return new BenchOptions(20, 100, 300, 10_000, 100_000, 50, Path.of("docs", "bench", "knowledge-base.md"), null);
    }

    static BenchOptions parse(String[] args) {
        BenchOptions o = defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            o = switch (args[i]) {
                case "--rounds" -> new BenchOptions(Integer.parseInt(v), o.embedChunks, o.documentChunks, o.largeRows,
                        o.veryLargeRows, o.ttftRuns, o.out, o.jfrDir);
                case "--embed-chunks" -> new BenchOptions(o.rounds, Integer.parseInt(v), o.documentChunks, o.largeRows,
                        o.veryLargeRows, o.ttftRuns, o.out, o.jfrDir);
                case "--document-chunks" -> new BenchOptions(o.rounds, o.embedChunks, Integer.parseInt(v), o.largeRows,
                        o.veryLargeRows, o.ttftRuns, o.out, o.jfrDir);
                case "--large-rows" -> new BenchOptions(o.rounds, o.embedChunks, o.documentChunks, Integer.parseInt(v),
                        o.veryLargeRows, o.ttftRuns, o.out, o.jfrDir);
                case "--very-large-rows" -> new BenchOptions(o.rounds, o.embedChunks, o.documentChunks, o.largeRows,
                        Integer.parseInt(v), o.ttftRuns, o.out, o.jfrDir);
                case "--ttft-runs" -> new BenchOptions(o.rounds, o.embedChunks, o.documentChunks, o.largeRows,
                        o.veryLargeRows, Integer.parseInt(v), o.out, o.jfrDir);
                case "--out" -> new BenchOptions(o.rounds, o.embedChunks, o.documentChunks, o.largeRows,
                        o.veryLargeRows, o.ttftRuns, Path.of(v), o.jfrDir);
                case "--jfr" -> new BenchOptions(o.rounds, o.embedChunks, o.documentChunks, o.largeRows,
                        o.veryLargeRows, o.ttftRuns, o.out, Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (" + USAGE + ")");
            };
        }
        return o;
    }

    /** The folder of the charts: the Markdown file's own (docs/bench/). */
    Path chartDir() {
        return out.toAbsolutePath().getParent();
    }
}
