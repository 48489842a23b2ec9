package com.alpha01.bench.startup;

import com.alpha01.bench.startup.StartupLogs.DevStackMarks;
import com.alpha01.bench.startup.StartupLogs.FirstPaint;

/**
 * One timed {@code bin/alpha01 up}, all in milliseconds from the moment the command was run.
 *
 * @param supervisorMs when {@code up} said it started the supervisor (before it: the build check and, cold,
 *     fetching the server distributions into {@code .alpha01/dist})
 * @param marks the supervisor's own marks, counted from when it began starting
 * @param upReturnedMs when {@code up} returned (it polls the status file every 0.5 s)
 * @param workingMs when every {@link Probes probe} answered
 * @param paint the merchant client's first paint after its JVM started, or {@code null} if it logged none
 * @param downMs how long {@code bin/alpha01 down} took afterwards
 */
record StartRun(String label, long supervisorMs, DevStackMarks marks, long upReturnedMs, long workingMs,
        FirstPaint paint, long downMs) {

    StartRun withDown(long ms) {
        return new StartRun(label, supervisorMs, marks, upReturnedMs, workingMs, paint, ms);
    }

    long postgres() {
        return marks.postgres();
    }

    long keycloak() {
        return marks.keycloak() - marks.postgres();
    }

    long wildfly() {
        return marks.wildfly() - marks.keycloak();
    }

    long client() {
        return marks.up() - marks.wildfly();
    }

    /** Supervisor JVM start, {@code up}'s status poll, and the probes until the client's socket shows. */
    long rest() {
        return workingMs - supervisorMs - marks.up();
    }
}
