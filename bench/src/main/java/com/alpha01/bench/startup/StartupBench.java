package com.alpha01.bench.startup;

import com.alpha01.bench.startup.CustomerVisit.Visit;
import com.alpha01.devstack.HeadlessChromium;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code bench/run startup}: a preparation start (not reported), then a cold {@code bin/alpha01 up}
 * (state removed), then {@code --warm} warm ones, each timed to a working stack and stopped; on the
 * last warm stack the customer page's first and repeat visit. The checkout's own state is set aside
 * during the run and put back after. Writes the report to {@code --out}.
 */
public final class StartupBench {

    private static final Logger LOG = Logger.getLogger(StartupBench.class);
    private static final String CUSTOMER = "demo-customer";
    private static final String CUSTOMER_PASSWORD = "Demo-customer-2026";

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--root", ".", "--out", "docs/bench/startup.md",
                "--warm", "3", "--command", "bench/run startup"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + opts.keySet());
            }
            opts.put(args[i], args[i + 1]);
        }
        Path root = Path.of(opts.get("--root")).toAbsolutePath().normalize();
        int warmRuns = Integer.parseInt(opts.get("--warm"));
        DevStackRuns stack = new DevStackRuns(root);
        if (stack.running()) {
            throw new IllegalStateException("The dev stack of this checkout runs: stop it first (bin/alpha01 down)");
        }
        requirePortsFree();
        long began = System.nanoTime();
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String machine = machine();
        Path aside = root.resolve("bench/target/alpha01-state-before-startup-bench");
        boolean setAside = stack.moveStateAside(aside);
        try {
            LOG.info("Preparation start (not reported): warms the OS file cache");
            stack.start("preparation");
            stack.stop();
            stack.wipeState();
            StartRun cold = stack.start("cold");
            cold = cold.withDown(stack.stop());
            List<StartRun> warm = new ArrayList<>();
            Map<String, String> pg = Map.of();
            Visit first = null;
            Visit repeat = null;
            for (int i = 1; i <= warmRuns; i++) {
                StartRun run = stack.start("warm " + i);
                if (i == warmRuns) {
                    pg = postgresSettings(stack.dbPassword());
                    if (HeadlessChromium.available()) {
                        try (CustomerVisit browser = CustomerVisit.open(List.of(stack.tls().serverSpkiSha256()))) {
                            first = browser.visit(stack.customerUrl(), CUSTOMER, CUSTOMER_PASSWORD);
                            browser.forgetSession();
                            repeat = browser.visit(stack.customerUrl(), CUSTOMER, CUSTOMER_PASSWORD);
                        }
                    } else {
                        LOG.warn("No /usr/bin/chromium and /usr/bin/chromedriver: the customer page is not measured");
                    }
                }
                warm.add(run.withDown(stack.stop()));
            }
            String took = String.format("%s (this harness took %.1f min, from the preparation start to the last stop)", date,
                    (System.nanoTime() - began) / 60e9);
            String report = StartupReport.render(opts.get("--command"), took, machine + "; load average at the end "
                    + loadAverage(), pg, cold, warm, first, repeat);
            Path out = root.resolve(opts.get("--out"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            LOG.infof("Report written to %s", out);
        } finally {
            if (stack.running()) {
                stack.stop();
            }
            if (setAside) {
                stack.restoreState(aside);
            }
        }
    }

    /** The dev stack's ports (its defaults and {@code ALPHA01_*} overrides) must be free: nothing else may answer there. */
    private static void requirePortsFree() {
        int offset = env("ALPHA01_WILDFLY_PORT_OFFSET", 0);
        for (int port : new int[] {8080 + offset, 8443 + offset, 9990 + offset, env("ALPHA01_KC_PORT", 8180),
                env("ALPHA01_KC_MANAGEMENT_PORT", 9180), env("ALPHA01_PG_PORT", 15432)}) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                throw new IllegalStateException("Port " + port + " is in use: the dev stack needs it free");
            } catch (IOException free) {
                // nothing listens: good
            }
        }
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    private static Map<String, String> postgresSettings(String password) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        String url = "jdbc:postgresql://127.0.0.1:" + env("ALPHA01_PG_PORT", 15432) + "/alpha01";
        try (Connection c = DriverManager.getConnection(url, "alpha01", password); Statement st = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = st.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        long memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        return String.format("%s, %d cores, %.1f GiB RAM, Linux %s, Java %s; load average at the start %s", cpu,
                Runtime.getRuntime().availableProcessors(), memKib / 1048576.0, System.getProperty("os.version"),
                System.getProperty("java.version"), loadAverage());
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
