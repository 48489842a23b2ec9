package com.alpha01.server.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operations files in {@code ops/} against the real tools and the application's own meters: the
 * alert rules and the Prometheus configuration pass {@code promtool check}, the rules' unit tests
 * ({@code alerts.test.yml}) pass {@code promtool test rules}, every query of the Grafana dashboard is
 * valid PromQL, and every {@code alpha01_*} series the rules and the dashboard read is one that
 * {@link Meters} registers. promtool is Debian's {@code prometheus} package (installed by {@code .ci/run}).
 */
class OpsRulesTest {

    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern SERIES = Pattern.compile("\\balpha01_[a-z0-9_]+");

    @Test
    void the_prometheus_configuration_and_alert_rules_pass_promtool_check() throws Exception {
        promtool(OPS.resolve("prometheus"), "check", "config", "prometheus.yml");
    }

    @Test
    void the_alert_rules_pass_their_unit_tests() throws Exception {
        promtool(OPS.resolve("prometheus"), "test", "rules", "alerts.test.yml");
    }

    @Test
    void every_dashboard_query_is_valid_promql() throws Exception {
        List<String> queries = dashboardQueries();
        assertTrue(queries.size() >= 10, "the dashboard has its panels: " + queries.size());
        // promtool checks PromQL inside rule files: each query becomes a recording rule of a scratch file.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query").append(i).append("\n        expr: ")
                    .append(Json.createValue(queries.get(i)).toString()).append('\n');
        }
        Path dir = Files.createTempDirectory("alpha01-dashboard");
        try {
            Files.writeString(dir.resolve("queries.yml"), rules);
            promtool(dir, "check", "rules", "queries.yml");
        } finally {
            Files.deleteIfExists(dir.resolve("queries.yml"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void a_broken_query_is_caught_by_the_same_check() throws Exception {
        Path dir = Files.createTempDirectory("alpha01-dashboard");
        try {
            Files.writeString(dir.resolve("queries.yml"), "groups:\n  - name: dashboard\n    rules:\n"
                    + "      - record: dashboard:broken\n        expr: \"sum by (le (rate(alpha01_dead_letters[5m]))\"\n");
            Process p = new ProcessBuilder("promtool", "check", "rules", "queries.yml").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertTrue(p.exitValue() != 0, "promtool refuses a query that does not parse");
        } finally {
            Files.deleteIfExists(dir.resolve("queries.yml"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void every_series_the_alerts_and_the_dashboard_read_is_one_the_application_exports() throws IOException {
        Set<String> exported = exportedSeries();
        Set<String> read = new TreeSet<>();
        read.addAll(series(Files.readString(OPS.resolve("prometheus/alerts.yml"))));
        dashboardQueries().forEach(q -> read.addAll(series(q)));
        Set<String> unknown = read.stream().filter(s -> !exported.contains(s)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "read by ops/ but not exported; exported: " + exported);
        assertTrue(read.size() >= 8, "the rules and the dashboard read the application's meters: " + read);
    }

    /** The Prometheus series names of every meter {@link Meters} registers, as Prometheus' naming makes them. */
    private static Set<String> exportedSeries() {
        Meters meters = Meters.inMemory();
        meters.messageStored("CUSTOMER");
        meters.answered("BOT", Duration.ofSeconds(2));
        meters.resent(true, 1);
        meters.failedOver(false);
        meters.staffAction("TAKEOVER");
        meters.qrScan("VALID");
        meters.refused("UNAVAILABLE");
        meters.rateLimited("SCAN");
        meters.keycloakCall(Duration.ofMillis(30), "ok");
        meters.deliveryLag(true, Duration.ofMillis(40));
        meters.clientActivity(new com.alpha01.server.merchant.domain.ClientActivity(1, 1, 1, 1, 2, 1, 100, 200));
        for (String gauge : List.of("alpha01.sockets.open", "alpha01.conversations.queued",
                "alpha01.shops.waiting.without.client", "alpha01.dead.letters")) {
            meters.gauge(gauge, () -> 0);
        }
        Set<String> names = new TreeSet<>();
        for (Meter m : meters.registry().getMeters()) {
            String base = NamingConvention.snakeCase.name(m.getId().getName(), m.getId().getType());
            if (m instanceof Counter) {
                names.add(base + "_total");
            } else if (m instanceof Timer) {
                for (String suffix : List.of("_count", "_sum", "_max")) {
                    names.add(base + "_seconds" + suffix);
                }
            } else {
                names.add(base);
            }
        }
        return names;
    }

    private static Set<String> series(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = SERIES.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonObject dashboard = Json.createReader(new StringReader(
                Files.readString(OPS.resolve("grafana/alpha01.json"), StandardCharsets.UTF_8))).readObject();
        List<String> queries = new ArrayList<>();
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                queries.add(target.asJsonObject().getString("expr"));
            }
        }
        return queries;
    }

    private static void promtool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool not found: install Debian's prometheus package (.ci/run does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "promtool did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    }
}
