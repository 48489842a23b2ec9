package com.alpha01.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * PostgreSQL 17 from the zonky binaries on Maven Central, bound to 127.0.0.1. The data folder is
 * kept between starts (unless asked to start clean); the application database and its owner role
 * are created when missing.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    /**
     * Settings for data that must survive a crash or a power cut: the library runs PostgreSQL with
     * {@code fsync} and {@code synchronous_commit} off, which loses committed transactions when the
     * server is killed (their WAL is still in memory) — acknowledged chat messages among them.
     */
    public static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code port} with data in {@code dataDir} and makes sure database
     * {@code database} exists, owned by {@code user} with {@code password}.
     */
    public static PostgresServer start(Path dataDir, int port, boolean clean, String database, String user,
            String password) throws IOException {
        return start(dataDir, port, clean, database, user, password, Map.of());
    }

    /**
     * The same, with server settings on top of the library's defaults (which run with {@code fsync}
     * and {@code synchronous_commit} off): e.g. both {@code on} for a benchmark with production durability.
     */
    public static PostgresServer start(Path dataDir, int port, boolean clean, String database, String user,
            String password, Map<String, String> settings) throws IOException {
        if (clean) {
            Files.deleteIfExists(superuserSecret(dataDir));
        }
        String superuser = superuserPassword(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                // The library's own connections (its readiness check, the admin one below) sign in as
                // postgres: with this password once the cluster asks for one (a fresh cluster trusts, once).
                .setConnectConfig("password", superuser);
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        PostgresServer server = new PostgresServer(pg, port, dataDir);
        try {
            server.requirePasswords(superuser);
            server.ensureDatabase(database, user, password);
        } catch (SQLException e) {
            server.close();
            throw new IOException("could not create database " + database + ": " + e.getMessage(), e);
        }
        LOG.infof("PostgreSQL on 127.0.0.1:%d, data %s", port, dataDir);
        return server;
    }

    /** Where the cluster's superuser password is kept: beside its data, readable by this user only. */
    private static Path superuserSecret(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".superuser");
    }

    /** The superuser's password, generated once per cluster (a clean start makes a new one). */
    private static String superuserPassword(Path dataDir) throws IOException {
        Path secret = superuserSecret(dataDir);
        if (Files.exists(secret)) {
            return Files.readString(secret).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(secret.toAbsolutePath().getParent());
        Files.writeString(secret, password);
        try {
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions guard it
        }
        return password;
    }

    /**
     * Password (SCRAM) authentication for every connection, as a production PostgreSQL runs: initdb
     * leaves the cluster trusting every local connection, so the first start gives the superuser its
     * password and replaces {@code pg_hba.conf}; later starts find it done.
     */
    private void requirePasswords(String superuser) throws SQLException, IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.readString(hba).contains(HBA_MARK)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("alter role postgres password '" + superuser.replace("'", "''") + "'");
            Files.writeString(hba, HBA_MARK + "\n"
                    + "local   all all                scram-sha-256\n"
                    + "host    all all 127.0.0.1/32   scram-sha-256\n"
                    + "host    all all ::1/128        scram-sha-256\n");
            st.execute("select pg_reload_conf()");
        }
        LOG.infof("PostgreSQL at %s now asks every connection for its password (SCRAM)", dataDir);
    }

    private static final String HBA_MARK = "# Alpha 01: password (SCRAM) authentication for every connection.";

    private void ensureDatabase(String database, String user, String password) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,30}") || !user.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new SQLException("database and user must be simple lower-case identifiers");
        }
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                st.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
            } else {
                st.execute("alter role " + user + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                st.execute("create database " + database + " owner " + user + " encoding 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The postmaster's PID from its {@code postmaster.pid}; -1 when it is not running. */
    public long pid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the postmaster still runs (stopped by hand, killed or crashed: false). */
    public boolean alive() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }
}
