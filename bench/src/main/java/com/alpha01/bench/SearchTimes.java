package com.alpha01.bench;

import com.alpha01.client.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Search latency two ways: wall clock, and the searching thread's CPU time per search (nanosecond clock; the process's
 * own CPU clock ticks in 10 ms here, too coarse for one search). On a machine shared with other builds the wall clock
 * also holds the time spent waiting for a core; the thread's CPU time is what the search costs on that thread. The
 * embedding model's ONNX worker threads are not in it, so it runs a little under the whole search's CPU.
 */
record SearchTimes(Latencies wall, Latencies cpu) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Times {@code rounds} searches (k = 3) of every question in {@code queries}, one at a time. */
    static SearchTimes measure(KnowledgeBase kb, List<String> queries, int rounds) {
        long[] wall = new long[queries.size() * rounds];
        long[] cpu = new long[wall.length];
        for (int r = 0, n = 0; r < rounds; r++) {
            for (String q : queries) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long q0 = System.nanoTime();
                kb.search(q, 3);
                wall[n] = System.nanoTime() - q0;
                cpu[n++] = THREADS.getCurrentThreadCpuTime() - c0;
            }
        }
        return new SearchTimes(Latencies.of(wall), Latencies.of(cpu));
    }

    /** The CPU figures for a table's Detail column. */
    String cpuDetail() {
        return String.format("CPU of the searching thread p50 %.2f ms, p95 %.2f ms", cpu.ms(50), cpu.ms(95));
    }
}
