package com.alpha01.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupLogsTest {

    @Test
    void reads_the_supervisors_marks_as_java_util_logging_writes_them() {
        List<String> log = List.of(
                "Dec 06, 2026 6:50:01 PM com.alpha01.devstack.DevStack start",
                "INFO: PostgreSQL up after 2101 ms",
                "INFO: Keycloak up after 19870 ms",
                "INFO: WildFly with the EAR up after 41002 ms",
                "INFO: Dev stack up in 52340 ms; customer URL in /srv/alpha01/.alpha01/status.properties");
        StartupLogs.DevStackMarks marks = StartupLogs.devStack(log);
        assertEquals(new StartupLogs.DevStackMarks(2101, 19870, 41002, 52340), marks);
    }

    @Test
    void an_unfinished_start_has_no_marks() {
        assertNull(StartupLogs.devStack(List.of("INFO: PostgreSQL up after 2101 ms", "INFO: Keycloak up after 19870 ms")));
    }

    @Test
    void reads_the_clients_first_paint_and_what_it_measured() {
        StartupLogs.FirstPaint paint = StartupLogs.firstPaint(List.of("[0101/ERROR:gpu_init.cc] no GPU",
                "INFO: First paint 3456 ms after the JVM started (first-contentful-paint; page loaded after 3301 ms)"));
        assertEquals(new StartupLogs.FirstPaint(3456, "first-contentful-paint"), paint);
        assertNull(StartupLogs.firstPaint(List.of("INFO: Page loaded 3301 ms after the JVM started (paint time unknown)")));
    }

    @Test
    void sees_a_merchant_client_socket_in_wildflys_log() {
        assertTrue(StartupLogs.clientConnected("2026-12-06 18:50:40,123 INFO  [com.alpha01.server.chat.application."
                + "ClientConnections] (default task-3) Client 6f1c connected (socket 1a2b)\n"));
        assertFalse(StartupLogs.clientConnected("INFO  [ClientConnections] Client 6f1c disconnected (gone)\n"));
    }

    @Test
    void spread_gives_the_median_and_the_range() {
        Spread odd = Spread.of(List.of(5200L, 4100L, 4900L));
        assertEquals(4900, odd.median());
        assertEquals("4.9 s (4.1–5.2)", odd.seconds());
        assertEquals(4500, Spread.of(List.of(4000L, 5000L)).median());
        assertEquals("1.2 s", Spread.of(List.of(1234L)).seconds());
    }
}
