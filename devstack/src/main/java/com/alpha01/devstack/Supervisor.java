package com.alpha01.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Watches the parts of the dev stack it started and starts again any that stopped (killed, crashed, or
 * stopped by hand), with a back-off that doubles from 2 s to a minute while a start keeps failing or a
 * part started again keeps dying within a minute. What it sees goes to the log and, through
 * {@link #summary()}, to the status file that {@code bin/alpha01 status} prints. Not thread-safe: the
 * supervisor's own loop calls {@link #check()}; {@link #closeAll()} runs after that loop has ended.
 */
final class Supervisor {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final Duration STEADY = Duration.ofMinutes(1);

    /** A running part: a server process this stack started. */
    interface Part extends AutoCloseable {
        boolean alive();

        long pid();

        @Override
        void close();
    }

    /** A part from its three faces (the servers' classes stay free of this interface). */
    record Running(java.util.function.BooleanSupplier isAlive, LongSupplier pidOf, Runnable stop) implements Part {
        @Override
        public boolean alive() {
            return isAlive.getAsBoolean();
        }

        @Override
        public long pid() {
            return pidOf.getAsLong();
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    /** Starts a part (again), blocking until it serves. */
    @FunctionalInterface
    interface Starter {
        Part start() throws Exception;
    }

    private static final class Watched {
        final String name;
        final Starter starter;
        Part part;
        String state = "up";
        int restarts;
        int failuresInARow;
        long retryAt;
        long lastPid = -1;
        long upSince;

        Watched(String name, Starter starter, Part part, long now) {
            this.name = name;
            this.starter = starter;
            this.part = part;
            this.upSince = now;
            this.lastPid = part.pid();
        }
    }

    private final List<Watched> parts = new ArrayList<>();
    private final LongSupplier nanoClock;

    Supervisor(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Watches {@code part}, started already, and starts it again with {@code starter} when it stops. */
    <P extends Part> P watch(String name, P part, Starter starter) {
        parts.add(new Watched(name, starter, part, nanoClock.getAsLong()));
        return part;
    }

    /** Looks at every part once; returns whether anything changed (the status file is then rewritten). */
    boolean check() {
        boolean changed = false;
        for (Watched w : parts) {
            long now = nanoClock.getAsLong();
            if (w.part != null && w.part.alive()) {
                w.lastPid = w.part.pid();
                if (!w.state.equals("up")) {
                    w.state = "up";
                    changed = true;
                }
                continue;
            }
            if (w.state.equals("up")) {
                // A part started again that dies within a minute is crashing: wait longer each time.
                w.failuresInARow = w.restarts > 0 && now - w.upSince < STEADY.toNanos() ? w.failuresInARow + 1 : 0;
                w.state = "restarting";
                w.retryAt = now + backoff(w.failuresInARow);
                changed = true;
                LOG.warnf("%s stopped (PID %d); starting it again in %d s", w.name, w.lastPid,
                        Duration.ofNanos(backoff(w.failuresInARow)).toSeconds());
                closeQuietly(w);
            }
            if (now >= w.retryAt) {
                changed = true;
                try {
                    w.part = w.starter.start();
                    w.restarts++;
                    w.state = "up";
                    w.upSince = nanoClock.getAsLong();
                    LOG.infof("%s started again (PID %d, restart %d)", w.name, w.part.pid(), w.restarts);
                } catch (Exception e) {
                    w.part = null;
                    w.failuresInARow++;
                    w.retryAt = nanoClock.getAsLong() + backoff(w.failuresInARow);
                    LOG.warnf("%s did not start again (%s); next try in %d s", w.name, e.getMessage(),
                            Duration.ofNanos(backoff(w.failuresInARow)).toSeconds());
                }
            }
        }
        return changed;
    }

    /** 2 s, doubled for each failure in a row, at most a minute. */
    static long backoff(int failuresInARow) {
        return Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << Math.min(failuresInARow, 10));
    }

    /** Whether every part is up. */
    boolean allUp() {
        return parts.stream().allMatch(w -> w.state.equals("up"));
    }

    /**
     * For the status file: {@code parts} ("postgres=up keycloak=restarting …"), {@code restarts}
     * ("postgres=1 …", only parts started again) and {@code pids}.
     */
    Map<String, String> summary() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("parts", parts.stream().map(w -> w.name + "=" + w.state).collect(Collectors.joining(" ")));
        facts.put("restarts", parts.stream().filter(w -> w.restarts > 0).map(w -> w.name + "=" + w.restarts)
                .collect(Collectors.joining(" ")));
        facts.put("pids", "devstack=" + ProcessHandle.current().pid() + " " + parts.stream()
                .filter(w -> w.part != null).map(w -> w.name + "=" + w.part.pid()).collect(Collectors.joining(" ")));
        return facts;
    }

    /** Stops every part, the last watched first. */
    void closeAll() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            closeQuietly(parts.get(i));
        }
        parts.clear();
    }

    private static void closeQuietly(Watched w) {
        if (w.part == null) {
            return;
        }
        try {
            w.part.close();
        } catch (RuntimeException e) {
            LOG.warnf("stopping %s: %s", w.name, e.getMessage());
        }
    }
}
