package com.alpha01.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/** What one run measured: the table's rows in order, and the points the charts are drawn from. */
final class BenchReport {

    private static final Logger LOG = Logger.getLogger(BenchReport.class);

    /** Search latency over a knowledge base of {@code entries} entries. */
    record SearchPoint(String label, int entries, SearchTimes times) {
    }

    /** Import and open (start-up) time of a generated FAQ of {@code entries} entries. */
    record ScalePoint(int entries, double importSeconds, double openSeconds) {
    }

    private final List<String[]> rows = new ArrayList<>();
    private final List<SearchPoint> searches = new ArrayList<>();
    private final List<ScalePoint> scales = new ArrayList<>();

    void row(String what, String result, String detail) {
        rows.add(new String[] {what, result, detail});
        LOG.infof("%-30s %-34s %s", what, result, detail);
    }

    void search(String label, int entries, SearchTimes times) {
        searches.add(new SearchPoint(label, entries, times));
    }

    void scale(int entries, double importSeconds, double openSeconds) {
        scales.add(new ScalePoint(entries, importSeconds, openSeconds));
    }

    List<String[]> rows() {
        return List.copyOf(rows);
    }

    /** By knowledge-base size, smallest first. */
    List<SearchPoint> searches() {
        return searches.stream().sorted(Comparator.comparingInt(SearchPoint::entries)).toList();
    }

    List<ScalePoint> scales() {
        return scales.stream().sorted(Comparator.comparingInt(ScalePoint::entries)).toList();
    }
}
