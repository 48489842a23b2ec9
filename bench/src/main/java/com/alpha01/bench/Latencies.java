package com.alpha01.bench;

import java.util.Arrays;

/** Timings of one measure in nanoseconds, sorted, read as nearest-rank percentiles in milliseconds. */
record Latencies(long[] sorted) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    /** The nearest-rank {@code percent} percentile, in milliseconds. */
    double ms(double percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** "p50 …, p95 …, p99 … ms", the form of the table's Result column. */
    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", ms(50), ms(95), ms(99));
    }

    int count() {
        return sorted.length;
    }
}
