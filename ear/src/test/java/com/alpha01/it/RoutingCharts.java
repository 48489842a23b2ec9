package com.alpha01.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The routing benchmark's charts (XChart, PNG, beside the report): round-trip latency percentiles
 * against the offered rate, and the routed rate against the offered one, Alpha 01 beside the bare
 * relay, from the steps of a saturation run.
 */
final class RoutingCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private RoutingCharts() {
    }

    /** Writes {@code <scenario>-latency.png} and {@code <scenario>-throughput.png} into {@code dir}; returns their names. */
    static List<String> write(List<RoutingReport.Step> steps, int customers, Path dir, String scenario)
            throws IOException {
        Files.createDirectories(dir);
        List<Double> offered = steps.stream().map(s -> s.rate() * customers).toList();
        List<String> written = new ArrayList<>();

        XYChart latency = new XYChartBuilder().width(800).height(480)
                .title("Round trip customer → server → client → server → customer (durable)")
                .xAxisTitle("Offered questions/s").yAxisTitle("ms (log scale)").build();
        latency.getStyler().setYAxisLogarithmic(true);
        latency.getStyler().setLegendPosition(LegendPosition.InsideNW);
        for (double percent : new double[] {50, 99}) {
            latency.addSeries(String.format("Alpha 01 p%.0f", percent), offered,
                    steps.stream().map(s -> s.alpha().roundTrip.percentile(percent)).toList());
        }
        if (steps.stream().allMatch(s -> s.relay() != null)) {
            for (double percent : new double[] {50, 99}) {
                latency.addSeries(String.format("bare relay p%.0f", percent), offered,
                        steps.stream().map(s -> s.relay().roundTrip.percentile(percent)).toList());
            }
        }
        latency.addSeries("p99 limit of a held step", List.of(offered.get(0), offered.get(offered.size() - 1)),
                List.of(RoutingReport.Options.SATURATION_P99_MS, RoutingReport.Options.SATURATION_P99_MS))
                .setMarker(SeriesMarkers.NONE);
        String latencyName = scenario + "-latency.png";
        BitmapEncoder.saveBitmap(latency, dir.resolve(latencyName).toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(latencyName);

        XYChart throughput = new XYChartBuilder().width(800).height(480)
                .title("Routed questions/s (answers received) against the offered rate")
                .xAxisTitle("Offered questions/s").yAxisTitle("Routed questions/s").build();
        throughput.getStyler().setLegendPosition(LegendPosition.InsideNW);
        throughput.getStyler().setYAxisMin(0.0);
        throughput.addSeries("offered", offered, offered).setMarker(SeriesMarkers.NONE);
        throughput.addSeries("Alpha 01", offered, steps.stream().map(s -> s.alpha().routedPerSecond()).toList());
        if (steps.stream().allMatch(s -> s.relay() != null)) {
            throughput.addSeries("bare relay", offered, steps.stream().map(s -> s.relay().routedPerSecond()).toList());
        }
        String throughputName = scenario + "-throughput.png";
        BitmapEncoder.saveBitmap(throughput, dir.resolve(throughputName).toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(throughputName);
        return written;
    }
}
