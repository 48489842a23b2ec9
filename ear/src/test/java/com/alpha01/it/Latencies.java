package com.alpha01.it;

import java.util.Arrays;

/** Latency samples of one measure (nanoseconds) and their nearest-rank percentiles in milliseconds. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank {@code percent} percentile (e.g. 99.9) in ms; NaN without samples. */
    synchronized double percentile(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double max() {
        return percentile(100);
    }
}
