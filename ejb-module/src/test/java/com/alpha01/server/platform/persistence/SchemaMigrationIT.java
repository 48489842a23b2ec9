package com.alpha01.server.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema migrations against a real PostgreSQL 17 (zonky, free port on 127.0.0.1): a fresh
 * database migrates with Flyway alone, and databases that the migrator before Flyway left (its last
 * release's files, or an older release's fewer) upgrade with their data, into a Flyway history that
 * validates and carries the same checksums as a fresh one.
 */
class SchemaMigrationIT {

    /** Every migration file of this build. */
    private static final int FILES = migrationFiles();
    /** The files the migrator before Flyway knew (its last release). */
    private static final int LEGACY = MigratorBeforeFlyway.MIGRATIONS.size();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void a_fresh_database_migrates_with_flyway_alone_and_a_second_start_applies_nothing() throws Exception {
        DataSource db = freshDatabase();

        assertEquals(FILES, new SchemaMigrations(db).migrate());
        assertEquals(0, new SchemaMigrations(db).migrate());

        assertEquals(successfulVersions(1, FILES), history(db).keySet().stream().toList());
        assertTrue(columnExists(db, "merchant_client", "capacity"), "V7 ran");
        assertTrue(columnExists(db, "chat_message", "source") && columnExists(db, "merchant", "welcome_line"), "V8 ran");
        assertTrue(!tableExists(db, "schema_version"), "Flyway alone keeps no old history table");
        validate(db);
    }

    @Test
    void a_database_of_the_migrator_before_flyway_is_adopted_without_running_anything_again() throws Exception {
        DataSource db = freshDatabase();
        MigratorBeforeFlyway.migrate(db, LEGACY);
        UUID merchant = insertMerchant(db);

        assertEquals(FILES - LEGACY, new SchemaMigrations(db).migrate(), "only the files added since run");

        Map<String, Integer> history = history(db);
        assertEquals(checksumsOfAFreshDatabase(), history, "the same rows and checksums as if Flyway had run them");
        assertEquals(1, count(db, "select count(*) from merchant where id = '" + merchant + "'"));
        assertEquals(LEGACY, count(db, "select count(*) from schema_version"), "old table left as it was");
        validate(db);
        assertEquals(0, new SchemaMigrations(db).migrate(), "adopted once only");
    }

    @Test
    void an_older_release_database_is_adopted_and_gets_the_migrations_it_lacked() throws Exception {
        DataSource db = freshDatabase();
        MigratorBeforeFlyway.migrate(db, 5);
        UUID merchant = insertMerchant(db);
        assertTrue(!columnExists(db, "merchant_client", "capacity"));

        assertEquals(FILES - 5, new SchemaMigrations(db).migrate());

        assertEquals(checksumsOfAFreshDatabase(), history(db));
        assertTrue(columnExists(db, "merchant_client", "capacity"), "V7 ran on the adopted database");
        assertEquals(1, count(db, "select count(*) from pg_indexes where indexname = 'chat_message_customer_day_idx'"),
                "V6 ran");
        assertEquals(1, count(db, "select count(*) from merchant where id = '" + merchant + "'"));
        validate(db);
    }

    @Test
    void two_nodes_starting_at_once_apply_each_migration_once() throws Exception {
        DataSource db = freshDatabase();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> applied = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                applied.add(nodes.submit(() -> {
                    start.await();
                    return new SchemaMigrations(db).migrate();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> node : applied) {
                total += node.get(60, TimeUnit.SECONDS);
            }
            assertEquals(FILES, total, "one node applied them all, the other none");
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(successfulVersions(1, FILES), history(db).keySet().stream().toList());
        validate(db);
    }

    @Test
    void an_old_history_with_a_gap_is_refused_rather_than_guessed() {
        assertEquals(3, LegacySchemaVersion.newestOfContiguousRun(
                List.of("V2__reply_links_and_versions.sql", "V1__baseline.sql", "V3__x.sql")));
        assertThrows(IllegalStateException.class, () -> LegacySchemaVersion.newestOfContiguousRun(
                List.of("V1__baseline.sql", "V3__cluster_presence_and_receipts.sql")));
        assertThrows(IllegalStateException.class, () -> LegacySchemaVersion.newestOfContiguousRun(
                List.of("baseline.sql")));
    }

    private Map<String, Integer> checksumsOfAFreshDatabase() throws SQLException {
        DataSource db = freshDatabase();
        new SchemaMigrations(db).migrate();
        return history(db);
    }

    private static List<String> successfulVersions(int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int v = from; v <= to; v++) {
            keys.add(v + " SQL");
        }
        return keys;
    }

    /** "version type" of every successful row in installed order, with its checksum. */
    private static Map<String, Integer> history(DataSource db) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, type, checksum, success from flyway_schema_history "
                        + "order by installed_rank")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean("success"), "row " + rs.getString("version") + " succeeded");
                rows.put(rs.getString("version") + " " + rs.getString("type"), (Integer) rs.getObject("checksum"));
            }
        }
        return rows;
    }

    /** The V*.sql files under db/migration, from the module's classes folder or its jar (failsafe). */
    private static int migrationFiles() {
        try {
            java.net.URI folder = SchemaMigrationIT.class.getResource("/db/migration").toURI();
            if (!"jar".equals(folder.getScheme())) {
                return countMigrations(java.nio.file.Path.of(folder));
            }
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(folder, Map.of())) {
                return countMigrations(jar.provider().getPath(folder));
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("the migrations are not readable from the class path", e);
        }
    }

    private static int countMigrations(java.nio.file.Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    private static void validate(DataSource db) {
        SchemaMigrations migrations = new SchemaMigrations(db);
        migrations.configure().load().validate();
        MigrationInfo current = migrations.configure().load().info().current();
        assertEquals(Integer.toString(FILES), current.getVersion().getVersion());
    }

    private static UUID insertMerchant(DataSource db) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into merchant (id, code, name, created_at) values ('" + id + "', 'm-" + id
                    + "', '老王面馆', now())");
        }
        return id;
    }

    private static boolean tableExists(DataSource db, String table) throws SQLException {
        return count(db, "select count(*) from information_schema.tables where table_schema = 'public' "
                + "and table_name = '" + table + "'") == 1;
    }

    private static boolean columnExists(DataSource db, String table, String column) throws SQLException {
        return count(db, "select count(*) from information_schema.columns where table_schema = 'public' "
                + "and table_name = '" + table + "' and column_name = '" + column + "'") == 1;
    }

    private static int count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static DataSource freshDatabase() throws SQLException {
        String name = "alpha01_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return postgres.getDatabase("postgres", name);
    }
}
