package com.alpha01.it;

import static com.alpha01.it.RoutingReport.number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Gatling's figures of a run as Markdown (docs/bench/gatling-&lt;scenario&gt;.md when {@code bench/run}
 * runs it; {@code ear/target/bench/} for the CI smoke): machine, command, date, the load, then one
 * row per request kind as Gatling recorded it (requests/s, response-time percentiles, KO), the
 * entry as a whole, the KO messages, and what PostgreSQL holds afterwards.
 */
final class GatlingReport {

    /** The run's size, from system properties ({@code bench/run} sets them); tiny by default: the CI smoke. */
    record Options(String scenario, int customers, int clients, int questions, int warmupQuestions, double entryRate,
                   double httpRate, int httpSeconds, int readers, Path out, String command) {

        static Options fromSystemProperties() {
            String scenario = System.getProperty("bench.scenario", "gatling-smoke");
            return new Options(scenario, Integer.getInteger("bench.customers", 3), Integer.getInteger("bench.clients", 2),
                    Integer.getInteger("bench.seconds", 3), Integer.getInteger("bench.warmup", 0),
                    Double.parseDouble(System.getProperty("bench.entry-rate", "10")),
                    Double.parseDouble(System.getProperty("bench.http-rate", "2")), Integer.getInteger("bench.http-seconds", 2),
                    Integer.getInteger("bench.readers", 1),
                    Path.of(System.getProperty("bench.out", "target/bench/" + scenario + ".md")),
                    System.getProperty("bench.command", "the ear module's IT run (GatlingBenchIT, CI smoke)"));
        }

        /** Questions the whole run writes, warm-up included. */
        long totalQuestions() {
            return (long) customers * (questions + warmupQuestions);
        }
    }

    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

    private final Options options;
    private final StringBuilder md = new StringBuilder();

    GatlingReport(Options options) {
        this.options = options;
    }

    void write(GatlingLog log, GatlingRun.Result run, String durability, RoutingReport.Stored stored) throws IOException {
        md.append("## Gatling: ").append(options.scenario()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s, %s %s. Run on %s. Command: `%s`. Load tool: "
                        + "Gatling %s (Java DSL, `%s`), in a JVM of its own on the same machine.%n%n",
                Runtime.getRuntime().availableProcessors(), RoutingReport.cpuModel(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                options.command(), log.gatlingVersion, log.simulation));
        md.append("Durability: ").append(durability).append("\n\n");
        md.append(String.format(Locale.ROOT, "Load: %d customers (one conversation each, %d merchant clients: the product's "
                        + "`ServerLink` answering at once with a fixed text) enter at %s/s through Gatling's HTTP client: QR URL "
                        + "(`/connect`, 303) → chat page → Keycloak's login form, filled in and posted (the browser's sign-in, "
                        + "no password grant) → back through the server's OIDC callback → `POST /api/v1/customer/sessions` "
                        + "(the one-time ticket) → customer socket. Once all have entered (the questions wait for the last one, so no sign-in runs under the load, as in RoutingBenchIT), each writes %d warm-up questions and %d measured "
                        + "ones, one a second from a random phase (Gatling's `pace`: closed loop, the next question leaves a second after the "
                        + "last one or at once when its answer took longer), each checked for its stored `ack` and the "
                        + "answer naming it (`inReplyTo`), each answer acknowledged with `delivered` as the chat page does. "
                        + "Then, for %d s, at %s requests/s each: `/connect` with a valid QR URL (303), with a forged token "
                        + "(404), and the customer history REST (`GET /api/v1/customer/conversations/{id}/messages?limit=50`, "
                        + "%d customers of the first part, signed in again the same way).%n%n",
                options.customers(), options.clients(), number(options.entryRate()), options.warmupQuestions(),
                options.questions(), options.httpSeconds(), number(options.httpRate()), options.readers()));
        md.append("Gatling times in whole milliseconds. WebSocket round trip = `answer`: from the question's send to the "
                + "answer's arrival (customer → server → merchant client → server → customer); `ack`: from the send to the "
                + "stored acknowledgement. Percentiles are nearest-rank over Gatling's records (its `simulation.log`); "
                + "requests/s = count over the span from the first start to the last end of that kind. `question` and "
                + "`delivered` are the frames sent (Gatling logs a send as a 0 ms request); `X Redirect n` is the n-th "
                + "redirect Gatling followed for X (`chat page Redirect 1`: Keycloak's login form; `sign-in Redirect 1/2`: "
                + "the server's OIDC callback, then the chat page). The same load measured by our own harness, open loop "
                + "and in nanoseconds, with the bare relay beside it: docs/bench/routing-100.md (RoutingBenchIT).\n\n");
        md.append("| Request | Count | OK | KO | Requests/s | p50 | p90 | p99 | p99.9 | max (ms) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        log.requests.forEach((name, kind) -> row(name, kind));
        md.append('\n');
        for (Map.Entry<String, GatlingLog.Kind> group : log.groups.entrySet()) {
            GatlingLog.Kind kind = group.getValue();
            md.append(String.format(Locale.ROOT, "Group `%s` (each a whole entry, sign-in included): %d (%d KO), %s/s; "
                            + "duration p50 %s ms, p90 %s ms, p99 %s ms, max %s ms.%n%n", group.getKey(), kind.count(), kind.ko,
                    number(kind.perSecond()), number(kind.times.percentile(50)), number(kind.times.percentile(90)),
                    number(kind.times.percentile(99)), number(kind.times.max())));
        }
        md.append(String.format(Locale.ROOT, "KO requests and crashed actions: %d. Virtual users started %d, ended %d.%n",
                log.failures(), log.usersStarted, log.usersEnded));
        log.requests.forEach((name, kind) -> kind.errors.forEach((message, count) ->
                md.append(String.format(Locale.ROOT, "- `%s`: %s ×%d%n", name, message, count))));
        log.crashes.forEach((message, count) -> md.append(String.format(Locale.ROOT, "- crash: %s ×%d%n", message, count)));
        md.append(String.format(Locale.ROOT, "%nStored (PostgreSQL, afterwards): %d customer messages (%d distinct sender ids), "
                        + "%d answers (%d distinct questions answered) for %d questions written (warm-up included).%n%n",
                stored.questions(), stored.distinctQuestions(), stored.answers(), stored.distinctAnswered(),
                options.totalQuestions()));
        md.append("Gatling's own HTML report of this run: `ear/target/gatling/").append(run.runDirectory().getFileName())
                .append("/index.html` (not committed).\n");
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), md, StandardCharsets.UTF_8);
    }

    private void row(String name, GatlingLog.Kind kind) {
        md.append("| ").append(name).append(" | ").append(kind.count()).append(" | ").append(kind.ok).append(" | ")
                .append(kind.ko).append(" | ").append(number(kind.perSecond()));
        for (double p : PERCENTILES) {
            md.append(" | ").append(number(kind.times.percentile(p)));
        }
        md.append(" |\n");
    }
}
