package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the cases of a bad-input suite per input class, each already asserted where it ran (a case
 * that gets other than its documented answer fails the test at once), and writes the table: to
 * {@code -Dreliability.out} (a folder; {@code bench/run bad-input} points it at {@code docs/reliability/})
 * or else under {@code target/reliability/}.
 */
final class BadInputTally {

    private final String suite;
    private final Map<String, int[]> cases = new TreeMap<>();

    BadInputTally(String suite) {
        this.suite = suite;
    }

    /** One case of {@code inputClass} answered as documented. */
    synchronized void passed(String inputClass) {
        cases.computeIfAbsent(inputClass, k -> new int[1])[0]++;
    }

    synchronized int total() {
        return cases.values().stream().mapToInt(c -> c[0]).sum();
    }

    /** Writes the table; {@code minimum}: the suite's promised number of cases. */
    synchronized void report(int minimum) throws IOException {
        StringBuilder md = new StringBuilder("## ").append(suite).append("\n\nRun ").append(Instant.now())
                .append(" (").append(System.getProperty("bench.command", "the ITs")).append(").\n\n")
                .append("| Input class | Cases | Answered as documented | 5xx or crash |\n|---|---|---|---|\n");
        cases.forEach((name, n) -> md.append("| ").append(name).append(" | ").append(n[0]).append(" | ")
                .append(n[0]).append(" | 0 |\n"));
        md.append("| **all** | ").append(total()).append(" | ").append(total()).append(" | 0 |\n");
        String out = System.getProperty("reliability.out");
        Path dir = out == null || out.isBlank() ? Path.of("target", "reliability") : Path.of(out);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(suite + ".md"), md.toString(), StandardCharsets.UTF_8);
        assertTrue(total() >= minimum, suite + ": " + total() + " cases, fewer than " + minimum);
    }
}
