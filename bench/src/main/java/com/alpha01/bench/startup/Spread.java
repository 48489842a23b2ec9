package com.alpha01.bench.startup;

import java.util.Arrays;
import java.util.List;

/** Several runs of one measure (milliseconds): the median and the range, as the report prints them. */
record Spread(long[] sorted) {

    static Spread of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        long[] s = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return new Spread(s);
    }

    /** The middle value; with an even count the mean of the two middle ones. */
    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    long min() {
        return sorted[0];
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    /** "12.3 s (11.9–13.0)" in seconds, or just the value for one run. */
    String seconds() {
        return count() == 1 ? secs(min()) : String.format("%s (%.1f–%.1f)", secs(median()), min() / 1000.0, max() / 1000.0);
    }

    static String secs(double ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}
