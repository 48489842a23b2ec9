package com.alpha01.bench.startup;

import com.alpha01.bench.startup.StartupLogs.DevStackMarks;
import com.alpha01.bench.startup.StartupLogs.FirstPaint;
import com.alpha01.client.files.Folders;
import com.alpha01.devstack.LocalCa;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drives {@code bin/alpha01} of one checkout: a start timed to a working stack (see {@link Probes}),
 * a stop, and the state folder {@code .alpha01/} it keeps between starts.
 */
final class DevStackRuns {

    private static final Logger LOG = Logger.getLogger(DevStackRuns.class);

    private final Path root;
    private final Path state;

    DevStackRuns(Path root) {
        this.root = root;
        this.state = root.resolve(".alpha01");
    }

    Path state() {
        return state;
    }

    /** Whether {@code bin/alpha01 status} finds the stack of this checkout running. */
    boolean running() throws IOException, InterruptedException {
        Script s = Script.run(root, "bin/alpha01", "status");
        return s.lines().stream().noneMatch(l -> l.text().equals("status: down"));
    }

    /** {@code bin/alpha01 up}, then the probes; fails if the start fails or builds (no build may be timed). */
    StartRun start(String label) throws IOException, InterruptedException {
        Path serverLog = state.resolve("wildfly/standalone/log/server.log");
        long serverLogFrom = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        LOG.infof("%s: bin/alpha01 up", label);
        long t0 = System.nanoTime();
        Script up = Script.run(root, "bin/alpha01", "up");
        if (up.exit() != 0) {
            throw new IOException("bin/alpha01 up failed (exit " + up.exit() + "):\n" + up.tail());
        }
        if (up.firstAt("Building") >= 0) {
            throw new IOException("bin/alpha01 up built the project during a timed start; run it once, then again");
        }
        Properties status = properties(state.resolve("status.properties"));
        Probes probes = new Probes(URI.create(status.getProperty("serverUrl")), URI.create(status.getProperty("keycloakUrl")),
                URI.create(status.getProperty("customerUrl")), serverLog, serverLogFrom, tls().sslContext());
        long working = probes.awaitWorking(Duration.ofMinutes(3));
        DevStackMarks marks = StartupLogs.devStack(lines(state.resolve("logs/devstack.log")));
        if (marks == null) {
            throw new IOException("the supervisor's log has no complete set of start marks");
        }
        FirstPaint paint = awaitPaint(Duration.ofSeconds(60));
        StartRun run = new StartRun(label, ms(up.firstAt("Starting (supervisor") - t0), marks, ms(up.endNanos() - t0),
                ms(working - t0), paint, -1);
        LOG.infof("%s: working after %d ms (up returned after %d ms); client's first paint %s", label, run.workingMs(),
                run.upReturnedMs(), paint == null ? "not logged" : paint.ms() + " ms");
        return run;
    }

    /** The customer URL (the counter QR code's content) of the running stack. */
    URI customerUrl() throws IOException {
        return URI.create(properties(state.resolve("status.properties")).getProperty("customerUrl"));
    }

    /** The stack's own CA (D51), which its WildFly and Keycloak serve certificates of. */
    LocalCa tls() throws IOException {
        return LocalCa.ensure(state.resolve("tls"), properties(state.resolve("secrets.properties")).getProperty("tls.password"));
    }

    /** The local database password the dev stack made for this checkout. */
    String dbPassword() throws IOException {
        return properties(state.resolve("secrets.properties")).getProperty("db.password");
    }

    /** {@code bin/alpha01 down}; returns how long it took in milliseconds. */
    long stop() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Script down = Script.run(root, "bin/alpha01", "down");
        if (down.exit() != 0) {
            throw new IOException("bin/alpha01 down failed:\n" + down.tail());
        }
        return ms(System.nanoTime() - t0);
    }

    /** Removes the state folder: the next start is a cold one. */
    void wipeState() throws IOException {
        Folders.delete(state);
    }

    /** Moves an existing state folder to {@code aside} (to be put back by {@link #restoreState}); returns whether there was one. */
    boolean moveStateAside(Path aside) throws IOException {
        if (!Files.exists(state)) {
            return false;
        }
        if (Files.exists(aside)) {
            throw new IOException(aside + " exists (from an interrupted run?): put it back as .alpha01/ or remove it first");
        }
        Files.createDirectories(aside.getParent());
        Files.move(state, aside);
        LOG.infof("The checkout's dev-stack state is kept at %s during the run", aside);
        return true;
    }

    void restoreState(Path aside) throws IOException {
        wipeState();
        Files.move(aside, state);
        LOG.info("The checkout's dev-stack state is back in .alpha01/");
    }

    private FirstPaint awaitPaint(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        do {
            FirstPaint paint = StartupLogs.firstPaint(lines(state.resolve("logs/merchant-client.log")));
            if (paint != null) {
                return paint;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        } while (System.nanoTime() < end);
        return null;
    }

    private static List<String> lines(Path file) throws IOException {
        // Leniently: the client's log also holds Chromium's own output.
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList() : List.of();
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
