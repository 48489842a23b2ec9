package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack's PostgreSQL asks every connection for its password (SCRAM), as production does:
 * the application's role signs in with its own, nobody gets in without one or with a wrong one, the
 * superuser's is generated and kept readable by its owner only, and a restart on the same data keeps it so.
 */
class PostgresAuthTest {

    @TempDir
    Path dir;

    @Test
    void every_connection_needs_its_password_before_and_after_a_restart() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("pg");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";
        try (PostgresServer server = PostgresServer.start(data, port, false, "shop", "shop", "Pw-1")) {
            assertSignsIn(url, "shop", "Pw-1");
            assertRefused(url, "shop", "wrong");
            assertRefused(url, "shop", null);
            assertRefused(url, "postgres", null);
            Path secret = dir.resolve("pg.superuser");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            assertSignsIn(url, "postgres", Files.readString(secret).strip());
        }
        try (PostgresServer again = PostgresServer.start(data, port, false, "shop", "shop", "Pw-1")) {
            assertSignsIn(url, "shop", "Pw-1");
            assertRefused(url, "postgres", null);
        }
    }

    private static void assertSignsIn(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_user")) {
            assertTrue(rs.next());
            assertEquals(user, rs.getString(1));
        }
    }

    private static void assertRefused(String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, props).close());
        assertTrue(e.getSQLState() != null && (e.getSQLState().equals("28P01") || e.getSQLState().equals("08004")),
                "refused for its password: " + e.getSQLState() + " " + e.getMessage());
    }
}
