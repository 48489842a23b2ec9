package com.alpha01.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a command of the checkout (e.g. {@code bin/alpha01 up}), its output read line by line
 * as it comes, each line stamped with {@link System#nanoTime()} on arrival. Runs without a
 * {@code DISPLAY}, so the dev stack gives the merchant client's window its own Xvfb every time.
 */
record Script(int exit, long endNanos, List<Line> lines) {

    record Line(long atNanos, String text) {
    }

    static Script run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(new Line(System.nanoTime(), line));
            }
        }
        int exit = p.waitFor();
        return new Script(exit, System.nanoTime(), List.copyOf(lines));
    }

    /** When the first line starting with {@code prefix} arrived, or {@code -1}. */
    long firstAt(String prefix) {
        return lines.stream().filter(l -> l.text().startsWith(prefix)).mapToLong(Line::atNanos).findFirst().orElse(-1);
    }

    /** The last lines of the output, for an error message. */
    String tail() {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()).stream()
                .map(Line::text).toList());
    }
}
