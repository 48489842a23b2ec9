package com.alpha01.it;

import static com.alpha01.it.RoutingReport.number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark's figures as a Markdown section, in the routing report's style
 * (docs/bench/e2e-&lt;scenario&gt;.md from {@code bench/run}; {@code ear/target/bench/} for the CI
 * smoke): machine, command, date, durability, what ran, then per phase the answer latency as the
 * customers measured it, throughput, errors, and the CPU of every process over the timed window.
 */
final class EndToEndReport {

    /** The offline-answer target of issue 14: one merchant client, ≥ 50 conversations × 1 msg/s, p99 below this. */
    static final double TARGET_P99_MS = 300;
    static final int TARGET_CONVERSATIONS = 50;

    private static final double[] PERCENTILES = {50, 90, 99, 100};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "max"};

    /** One timed phase: what the customers saw and what each process spent meanwhile. */
    record Phase(String name, BenchLoad.Tally tally, ProcessCpu.Usage cpu, int perCustomer) {
    }

    private final RoutingReport.Options options;
    private final StringBuilder md = new StringBuilder();

    EndToEndReport(RoutingReport.Options options) {
        this.options = options;
    }

    /** Writes the section to {@code options.out()}. */
    void write(String durability, String setup, List<Phase> phases, String notes) throws IOException {
        md.append("## End to end: ").append(options.scenario()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s, %s %s. Run on %s. Command: `%s`.%n%n",
                Runtime.getRuntime().availableProcessors(), RoutingReport.cpuModel(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                options.command()));
        md.append("Durability: ").append(durability).append("\n\n");
        md.append(setup).append("\n\n");
        md.append(String.format(Locale.ROOT, "Load: %d customers (one open conversation each), %s message/s per "
                        + "customer, open loop with a random phase (offered %s messages/s)%s. Latency = from the "
                        + "customer's send to the answer's arrival at the customer; percentiles are nearest-rank.%n%n",
                options.customers(), number(options.rate()), number(options.customers() * options.rate()),
                options.warmupSeconds() > 0 ? ", after a " + options.warmupSeconds() + " s warm-up of offline answers"
                        : ""));
        md.append("| Measure |");
        phases.forEach(p -> md.append(' ').append(p.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(phases.size())).append('\n');
        row(phases, "Questions per customer", p -> String.valueOf(p.perCustomer()));
        for (int i = 0; i < PERCENTILES.length; i++) {
            double percent = PERCENTILES[i];
            row(phases, "Answer " + PERCENTILE_NAMES[i] + " (ms)", p -> number(p.tally().roundTrip.percentile(percent)));
        }
        row(phases, "Stored ack p50 / p99 (ms)", p -> number(p.tally().ack.percentile(50)) + " / "
                + number(p.tally().ack.percentile(99)));
        row(phases, "Answered/s", p -> number(p.tally().routedPerSecond()));
        row(phases, "Answered", p -> p.tally().answered() + " of " + p.tally().sent.get());
        row(phases, "Left to staff (the assistant handed the conversation over)",
                p -> String.valueOf(p.tally().leftToStaff.get()));
        row(phases, "Errors (refusals, failed sends, dropped sockets)", p -> String.valueOf(p.tally().errors.get()));
        row(phases, "Duplicates at the customers", p -> String.valueOf(p.tally().duplicates.get()));
        for (String group : ProcessCpu.GROUPS) {
            row(phases, "CPU: " + group + " (% of a core)", p -> cpu(p.cpu(), group));
        }
        row(phases, "CPU: Chromium together (% of a core)", p -> number(p.cpu().percent(ProcessCpu.RENDERER)
                + p.cpu().percent(ProcessCpu.GPU) + p.cpu().percent(ProcessCpu.CHROMIUM_OTHER)));
        row(phases, "Timed window (s)", p -> number(p.cpu().wallSeconds()));
        md.append('\n');
        Phase offline = phases.get(0);
        double p99 = offline.tally().roundTrip.percentile(99);
        boolean met = options.customers() >= TARGET_CONVERSATIONS && options.rate() >= 1 && p99 < TARGET_P99_MS
                && offline.tally().answered() == offline.tally().sent.get();
        md.append(String.format(Locale.ROOT, "Target (issue 14): one merchant client answers ≥ %d conversations × "
                        + "1 msg/s with offline answers, answer p99 < %s ms: **%s** (%d conversations, p99 %s ms).%n%n",
                TARGET_CONVERSATIONS, number(TARGET_P99_MS), met ? "met" : options.customers() < TARGET_CONVERSATIONS
                        ? "not measured at this size" : "missed", options.customers(), number(p99)));
        md.append(notes).append('\n');
        Path out = options.out();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
    }

    private static String cpu(ProcessCpu.Usage usage, String group) {
        Integer processes = usage.processes().get(group);
        return number(usage.percent(group)) + (processes != null && processes > 1 ? " (" + processes + " processes)" : "");
    }

    private void row(List<Phase> phases, String measure, java.util.function.Function<Phase, String> value) {
        md.append("| ").append(measure).append(" |");
        phases.forEach(p -> md.append(' ').append(value.apply(p)).append(" |"));
        md.append('\n');
    }
}
