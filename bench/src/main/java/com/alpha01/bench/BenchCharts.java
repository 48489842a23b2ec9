package com.alpha01.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The benchmark's PNG charts (XChart, headless), written beside the Markdown file in {@code bench/}. */
final class BenchCharts {

    static final String SEARCH = "kb-search-latency.png";
    static final String SCALE = "kb-import-open.png";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private BenchCharts() {
    }

    /** Writes the charts into {@code dir}; returns the file names written (those with data). */
    static List<String> write(BenchReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        if (!report.searches().isEmpty()) {
            save(searchLatency(report.searches()), dir.resolve(SEARCH));
            written.add(SEARCH);
        }
        if (!report.scales().isEmpty()) {
            save(importAndOpen(report.scales()), dir.resolve(SCALE));
            written.add(SCALE);
        }
        return written;
    }

    /** Search latency percentiles against knowledge-base size (log scale), with the targets at 10k and 100k. */
    private static XYChart searchLatency(List<BenchReport.SearchPoint> points) {
        XYChart chart = new XYChartBuilder().width(800).height(480).title("Knowledge-base search latency, wall clock (query embedding + ranking, k = 3)")
                .xAxisTitle("Entries in the knowledge base (log scale)").yAxisTitle("ms").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setXAxisDecimalPattern("#,###");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        List<Double> x = points.stream().map(p -> (double) p.entries()).toList();
        for (double percent : new double[] {50, 95, 99}) {
            chart.addSeries(String.format("p%.0f", percent), x, points.stream().map(p -> p.times().wall().ms(percent)).toList());
        }
        chart.addSeries("p95 of CPU time", x, points.stream().map(p -> p.times().cpu().ms(95)).toList());
        chart.addSeries("target p95", List.of(10_000.0, 100_000.0), List.of(20.0, 50.0))
                .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        return chart;
    }

    /** Import and open (start-up) time of the generated FAQs, in seconds. */
    private static CategoryChart importAndOpen(List<BenchReport.ScalePoint> points) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(480).title("Generated FAQ: import and open time")
                .xAxisTitle("Entries").yAxisTitle("seconds").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        List<String> x = points.stream().map(p -> String.format("%,d", p.entries())).toList();
        chart.addSeries("import (embedding included)", x, points.stream().map(BenchReport.ScalePoint::importSeconds).toList());
        chart.addSeries("open (read + HNSW graphs)", x, points.stream().map(BenchReport.ScalePoint::openSeconds).toList());
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
    }
}
