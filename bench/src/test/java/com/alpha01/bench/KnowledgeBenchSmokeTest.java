package com.alpha01.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end with tiny counts and writes every row; the timings themselves are not checked. */
class KnowledgeBenchSmokeTest {

    @Test
    void writes_a_table_with_every_measure(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("benchmarks.md");
        KnowledgeBench.run(new KnowledgeBench.Options(1, 2, 2, 30, out));

        String md = Files.readString(out);
        assertTrue(md.contains("./mvnw -pl bench -am -Pbench verify -DskipTests"), "the command to run it");
        assertTrue(md.contains("| Measure | Result | Detail |"));
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Measure")).toList();
        assertEquals(KnowledgeBench.ROWS, rows.stream().map(l -> l.substring(2, l.indexOf(" | "))).toList());
        assertTrue(rows.stream().filter(r -> r.startsWith("| Search")).allMatch(r -> r.matches(".*p50 [0-9.]+ ms, p95 [0-9.]+ ms.*")), rows.toString());
        assertTrue(md.contains("top-1 ") && md.contains("/80"), "retrieval counted on the 80 paraphrases");
        assertTrue(md.contains("| Search, large FAQ | ") && md.contains("30 entries"), "the large FAQ as asked for: " + rows);
    }

    @Test
    void options_come_from_the_command_line() {
        KnowledgeBench.Options o = KnowledgeBench.Options.parse(new String[] {"--rounds", "3", "--out", "x.md"});
        assertEquals(3, o.rounds());
        assertEquals(Path.of("x.md"), o.out());
    }
}
