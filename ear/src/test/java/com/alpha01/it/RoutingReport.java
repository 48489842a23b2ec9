package com.alpha01.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The routing benchmark's figures as a Markdown section (docs/bench/routing-&lt;scenario&gt;.md when
 * {@code bench/run} runs it; {@code ear/target/bench/} for the CI smoke): machine, command, date,
 * durability, load, then each figure of Alpha 01 beside the bare relay's and their ratio.
 */
final class RoutingReport {

    /** The run's size, from system properties ({@code bench/run} sets them); tiny by default: the CI smoke. */
    record Options(String scenario, int customers, int clients, double rate, int seconds, int warmupSeconds,
                   int entryThreads, Path out, String command, List<Double> steps, boolean cluster) {

        /** A saturation run stops after the first step whose round-trip p99 passes this (issue 14). */
        static final double SATURATION_P99_MS = 100;

        static Options fromSystemProperties() {
            String scenario = System.getProperty("bench.scenario", "smoke");
            String steps = System.getProperty("bench.steps", "");
            return new Options(scenario, Integer.getInteger("bench.customers", 3), Integer.getInteger("bench.clients", 2),
                    Double.parseDouble(System.getProperty("bench.rate", "2")), Integer.getInteger("bench.seconds", 2),
                    Integer.getInteger("bench.warmup", 0), Integer.getInteger("bench.entry-threads", 4),
                    Path.of(System.getProperty("bench.out", "target/bench/routing-" + scenario + ".md")),
                    System.getProperty("bench.command", "the ear module's IT run (RoutingBenchIT, CI smoke)"),
                    steps.isBlank() ? List.of() : Arrays.stream(steps.split(",")).map(String::trim)
                            .map(Double::valueOf).toList(), Boolean.getBoolean("bench.cluster"));
        }

        /** Where the parties are: one node, or customers on node A and merchant clients on node B. */
        String topology() {
            return cluster ? " Two-node cluster (standalone-full-ha, both WildFly nodes on this machine, one PostgreSQL): "
                    + "customers on node A, merchant clients on node B, so every question and answer crosses the "
                    + "relay topic (Artemis cluster bridge) between the nodes." : "";
        }

        /** The per-customer rates to run: the steps of a saturation run, else the one rate. */
        List<Double> rates() {
            return steps.isEmpty() ? List.of(rate) : steps;
        }

        boolean saturation() {
            return !steps.isEmpty();
        }

        int perCustomer() {
            return perCustomer(rate);
        }

        int perCustomer(double atRate) {
            return Math.max(1, (int) Math.round(atRate * seconds));
        }
    }

    /** One step of a saturation run: the per-customer rate and what each target made of it (relay null if not run). */
    record Step(double rate, BenchLoad.Tally alpha, BenchLoad.Tally relay) {

        boolean held() {
            return alpha.answered() == alpha.sent.get() && alpha.roundTrip.percentile(99) <= Options.SATURATION_P99_MS;
        }
    }

    /** How the customers entered: accounts made beforehand (not timed with the entry), then scan → sign-in → socket. */
    record Entry(double provisionSeconds, double entrySeconds, Latencies latency) {
    }

    /** What PostgreSQL holds of the run afterwards. */
    record Stored(long questions, long distinctQuestions, long answers, long distinctAnswered) {
    }

    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9", "max"};

    private final Options options;
    private final StringBuilder md = new StringBuilder();

    RoutingReport(Options options) {
        this.options = options;
    }

    /** Writes the section; {@code durability} describes PostgreSQL and Artemis as they ran. */
    void write(String durability, Entry entry, BenchLoad.Tally alpha, BenchLoad.Tally relay, Stored stored,
            long totalSent, long clientDuplicates) throws IOException {
        header(durability);
        md.append(String.format(Locale.ROOT, "Load: %d customers (one open conversation each) over %d merchant clients, "
                        + "%s message/s per customer for %d s (%d questions each, open loop, random phase; offered %s "
                        + "messages/s)%s. Load generator, WildFly, PostgreSQL, Artemis and Keycloak share the machine; "
                        + "absolute times on a shared machine are noisy, the ratios to the relay in the same run less so. "
                        + "Percentiles are nearest-rank.%s%n%n",
                options.customers(), options.clients(), number(options.rate()), options.seconds(), options.perCustomer(),
                number(options.customers() * options.rate()),
                options.warmupSeconds() > 0 ? ", after a " + options.warmupSeconds() + " s warm-up at the same rate (the servers start cold: a fresh WildFly spends its first half-minute of load compiling, at twice the CPU per message)" : "",
                options.topology()));
        md.append("| Measure | Alpha 01 | Bare relay | Ratio |\n|---|---|---|---|\n");
        for (int i = 0; i < PERCENTILES.length; i++) {
            row("Round trip " + PERCENTILE_NAMES[i] + " (ms)", alpha.roundTrip.percentile(PERCENTILES[i]),
                    relay.roundTrip.percentile(PERCENTILES[i]));
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            row("Stored ack " + PERCENTILE_NAMES[i] + " (ms)", alpha.ack.percentile(PERCENTILES[i]),
                    relay.ack.percentile(PERCENTILES[i]));
        }
        row("Routed messages/s", alpha.routedPerSecond(), relay.routedPerSecond());
        md.append(String.format(Locale.ROOT, "| Acknowledged (stored) | %d of %d | %d of %d | |%n", alpha.ack.count(),
                alpha.sent.get(), relay.ack.count(), relay.sent.get()));
        md.append(String.format(Locale.ROOT, "| Answered | %d of %d | %d of %d | |%n", alpha.answered(), alpha.sent.get(),
                relay.answered(), relay.sent.get()));
        md.append(String.format(Locale.ROOT, "| Errors (refusals, failed sends, dropped sockets) | %d | %d | |%n",
                alpha.errors.get(), relay.errors.get()));
        md.append(String.format(Locale.ROOT, "| of which questions shed by the overloaded node (`UNAVAILABLE`, D44; a page resends them) | %d | %d | |%n",
                alpha.shed.get(), relay.shed.get()));
        md.append(String.format(Locale.ROOT, "| Customer sockets closed by the far end, warm-up included (close code=count) | %s | %s | |%n",
                alpha.closes.isEmpty() ? "none" : alpha.closes, relay.closes.isEmpty() ? "none" : relay.closes));
        md.append(String.format(Locale.ROOT, "| Duplicates at receivers (customers; clients) | %d; %d | %d; – | |%n%n",
                alpha.duplicates.get(), clientDuplicates, relay.duplicates.get()));
        md.append("Latency percentiles cover the questions acknowledged or answered; the rest are counted above. "
                + "After the last question the run waits up to 5 minutes for answers still coming (until none arrives "
                + "for 30 s), so a backlog shows as latency. A duplicate is an answer a customer received again (the "
                + "server resends what it has no `delivered` receipt for after `ALPHA01_DELIVERY_RETRY_SECONDS`, 10 s "
                + "here; the chat page drops it by `seq`); at the clients the product's link drops them before the "
                + "answering code, which counts what still reaches it.\n\n");
        footer(entry, stored, totalSent);
    }

    /**
     * Writes a saturation run: the same header, then one row per step (offered and routed rate,
     * round-trip percentiles of Alpha 01 and the relay, the p99 ratio), the highest rate held, and the
     * charts beside the file.
     */
    void writeSaturation(String durability, Entry entry, List<Step> steps, Stored stored, long totalSent,
            long clientDuplicates) throws IOException {
        header(durability);
        md.append(String.format(Locale.ROOT, "Saturation: %d customers over %d merchant clients; each step offers a "
                        + "higher rate per customer for %d s (open loop) until the round trip's p99 passes %s ms or an "
                        + "answer is missing; the bare relay ran every step first. One routed message = one question "
                        + "and its answer (two messages stored, two acks, two receipts).%s%n%n", options.customers(),
                options.clients(), options.seconds(), number(Options.SATURATION_P99_MS), options.topology()));
        md.append("| Offered (questions/s) | Alpha 01 routed/s | p50 | p90 | p99 | p99.9 | max (ms) | Relay routed/s | "
                + "Relay p50 | Relay p99 (ms) | p99 ratio | Duplicates | Errors |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        double held = 0;
        for (Step step : steps) {
            BenchLoad.Tally a = step.alpha();
            BenchLoad.Tally r = step.relay();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d |%n",
                    number(step.rate() * options.customers()), number(a.routedPerSecond()),
                    number(a.roundTrip.percentile(50)), number(a.roundTrip.percentile(90)),
                    number(a.roundTrip.percentile(99)), number(a.roundTrip.percentile(99.9)), number(a.roundTrip.max()),
                    r == null ? "–" : number(r.routedPerSecond()), r == null ? "–" : number(r.roundTrip.percentile(50)),
                    r == null ? "–" : number(r.roundTrip.percentile(99)),
                    r == null ? "–" : number(a.roundTrip.percentile(99) / r.roundTrip.percentile(99)) + "×",
                    a.duplicates.get(), a.errors.get()));
            if (step.held()) {
                held = Math.max(held, a.routedPerSecond());
            }
        }
        md.append(String.format(Locale.ROOT, "%nHighest rate held (p99 ≤ %s ms, every question answered): **%s routed "
                        + "questions/s** (%s messages stored/s). Duplicates at the clients over the run: %d.%n%n",
                number(Options.SATURATION_P99_MS), number(held), number(2 * held), clientDuplicates));
        List<String> charts = RoutingCharts.write(steps, options.customers(),
                options.out().toAbsolutePath().getParent(), options.scenario());
        for (String chart : charts) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        footer(entry, stored, totalSent);
    }

    private void header(String durability) {
        md.append("## Routing: ").append(options.scenario()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s, %s %s. Run on %s. Command: `%s`.%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                options.command()));
        md.append("Durability: ").append(durability).append("\n\n");
        md.append("Alpha 01: customer → WildFly (validate, store in PostgreSQL, ack, route to the socket) → merchant client (the product's "
                + "`ServerLink`, answering at once with a fixed text, no window or AI) → WildFly (store, ack, route) → customer. "
                + "Bare relay: the same frames through a non-persistent Undertow WebSocket relay on 127.0.0.1 that acks at "
                + "once and forwards (no storage, JMS or sign-in), its clients plain JDK WebSocket answerers; run first, "
                + "same load generator. Ratio = Alpha 01 / relay.\n\n");
    }

    private void footer(Entry entry, Stored stored, long totalSent) throws IOException {
        md.append(String.format(Locale.ROOT, "Entry (QR scan → Keycloak sign-in → chat session → socket, %d at a time): "
                        + "%s entries/s; one entry p50 %s ms, p90 %s ms, p99 %s ms, max %s ms. The %d customer accounts "
                        + "were made beforehand through Keycloak's admin API (%s s, not in the entry figures).%n%n",
                options.entryThreads(), number(options.customers() / entry.entrySeconds()),
                number(entry.latency().percentile(50)), number(entry.latency().percentile(90)),
                number(entry.latency().percentile(99)), number(entry.latency().max()), options.customers(),
                number(entry.provisionSeconds())));
        md.append(String.format(Locale.ROOT, "Stored (PostgreSQL, afterwards): %d customer messages (%d distinct sender "
                        + "ids), %d answers (%d distinct questions answered) for %d questions sent (warm-up included).%n",
                stored.questions(), stored.distinctQuestions(), stored.answers(), stored.distinctAnswered(), totalSent));
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), md, StandardCharsets.UTF_8);
    }

    private void row(String measure, double alpha, double relay) {
        md.append("| ").append(measure).append(" | ").append(number(alpha)).append(" | ").append(number(relay))
                .append(" | ").append(relay > 0 ? number(alpha / relay) + "×" : "–").append(" |\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
