package com.alpha01.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end with tiny counts and writes every row and chart; the timings themselves are not checked. */
class KnowledgeBenchSmokeTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writes_a_table_with_every_measure_and_the_charts(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("benchmarks.md");
        KnowledgeBench.run(new BenchOptions(1, 2, 2, 30, 60, 2, out, dir.resolve("jfr")));

        String md = Files.readString(out);
        assertTrue(md.contains("./mvnw -pl bench -am -Pbench verify -DskipTests"), "the command to run it");
        assertTrue(md.contains("| Measure | Result | Detail |"));
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Measure")).toList();
        assertEquals(KnowledgeBench.ROWS, rows.stream().map(l -> l.substring(2, l.indexOf(" | "))).toList());
        assertTrue(rows.stream().filter(r -> r.startsWith("| Search") || r.startsWith("| Offline") || r.startsWith("| Time to"))
                .allMatch(r -> r.matches(".*p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms.*")), rows.toString());
        assertTrue(md.contains("top-1 ") && md.contains("/80"), "retrieval counted on the 80 paraphrases");
        assertTrue(rows.stream().filter(r -> r.startsWith("| Search")).allMatch(r -> r.matches(".*CPU of the searching thread p50 [0-9.]+ ms, p95 [0-9.]+ ms.*")),
                "the CPU time beside the wall clock: " + rows);
        assertTrue(row(rows, "Search, large FAQ").contains("30 entries") && row(rows, "Search, very large FAQ").contains("60 entries"),
                "the generated FAQs as asked for: " + rows);
        assertTrue(row(rows, "Import very large FAQ").matches(".*rows/s.*characters/s.*"), "import throughput");
        assertTrue(row(rows, "Store size, very large FAQ").contains("KB per entry"), "store size per entry");
        assertTrue(row(rows, "Offline answer").contains("100 questions"), "every question answered offline, once a round");
        assertTrue(row(rows, "Time to first token added").contains("2 questions"), "the fake model asked as often as told");
        assertTrue(md.contains("Load average"), "the machine's load beside the figures");

        for (String chart : List.of(BenchCharts.SEARCH, BenchCharts.SCALE)) {
            Path png = dir.resolve(chart);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), 8), chart + " is a PNG");
            assertTrue(md.contains("](" + chart + ")"), chart + " embedded in the Markdown");
        }
        assertTrue(Files.size(dir.resolve("jfr").resolve("search-very-large-FAQ.jfr")) > 0, "the search profile recorded");
    }

    @Test
    void options_come_from_the_command_line() {
        BenchOptions o = BenchOptions.parse(new String[] {"--rounds", "3", "--very-large-rows", "0", "--out", "x.md"});
        assertEquals(3, o.rounds());
        assertEquals(0, o.veryLargeRows());
        assertEquals(Path.of("x.md"), o.out());
        assertEquals(10_000, o.largeRows());
        assertEquals(Path.of("x.md").toAbsolutePath().getParent(), o.chartDir());
    }

    private static String row(List<String> rows, String name) {
        return rows.stream().filter(r -> r.startsWith("| " + name + " | ")).findFirst().orElse("(no row " + name + ")");
    }
}
