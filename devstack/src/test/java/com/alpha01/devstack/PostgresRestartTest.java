package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack's real PostgreSQL (Maven-fetched binaries), killed as the probe stopped it:
 * the supervisor sees it gone and starts it again on the same data, and what was stored is still there.
 */
class PostgresRestartTest {

    @TempDir
    Path dir;

    @Test
    void a_killed_postgres_is_started_again_with_its_data() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int pgPort = port;
        Path data = dir.resolve("pg");
        Supervisor.Starter start = () -> {
            PostgresServer server = PostgresServer.start(data, pgPort, false, "shop", "shop", "Pw-1",
                    PostgresServer.DURABLE);
            return new Supervisor.Running(server::alive, server::pid, server::close);
        };
        Supervisor supervisor = new Supervisor(System::nanoTime);
        Supervisor.Part first = supervisor.watch("postgres", start.start(), start);
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";
            try (Connection c = DriverManager.getConnection(url, "shop", "Pw-1"); Statement st = c.createStatement()) {
                st.execute("create table kept (v text)");
                st.execute("insert into kept values ('还在')");
            }
            long killed = first.pid();
            ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(first.alive());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(supervisor.allUp() && supervisor.summary().get("restarts").equals("postgres=1"))
                    && System.nanoTime() < deadline) {
                supervisor.check();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // polled with a deadline
            }
            assertEquals("postgres=up", supervisor.summary().get("parts"));
            assertEquals("postgres=1", supervisor.summary().get("restarts"));
            assertNotEquals(killed, Long.parseLong(supervisor.summary().get("pids").replaceAll(".*postgres=", "")));
            try (Connection c = DriverManager.getConnection(url, "shop", "Pw-1"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select v from kept")) {
                assertTrue(rs.next());
                assertEquals("还在", rs.getString(1));
            }
            assertTrue(Files.exists(data.resolve("postmaster.pid")));
        } finally {
            supervisor.closeAll();
        }
    }
}
