package com.alpha01.bench;

import com.alpha01.client.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Search latency two ways: wall clock, and the process's CPU time per search (every thread of the bench JVM, the
 * embedding model's own included). On a machine shared with other builds the wall clock also holds the time spent
 * waiting for a core; the CPU time is what the search itself costs.
 */
record SearchTimes(Latencies wall, Latencies cpu) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Times {@code rounds} searches (k = 3) of every question in {@code queries}, one at a time. */
    static SearchTimes measure(KnowledgeBase kb, List<String> queries, int rounds) {
        long[] wall = new long[queries.size() * rounds];
        long[] cpu = new long[wall.length];
        for (int r = 0, n = 0; r < rounds; r++) {
            for (String q : queries) {
                long c0 = OS.getProcessCpuTime();
                long q0 = System.nanoTime();
                kb.search(q, 3);
                wall[n] = System.nanoTime() - q0;
                cpu[n++] = OS.getProcessCpuTime() - c0;
            }
        }
        return new SearchTimes(Latencies.of(wall), Latencies.of(cpu));
    }

    /** The CPU figures for a table's Detail column. */
    String cpuDetail() {
        return String.format("process CPU per search p50 %.1f ms, p95 %.1f ms", cpu.ms(50), cpu.ms(95));
    }
}
