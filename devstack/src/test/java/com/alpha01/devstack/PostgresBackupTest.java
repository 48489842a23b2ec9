package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of the real embedded PostgreSQL taken while a writer keeps committing, restored after more
 * writes: the restored server holds exactly what was committed before the backup ended, and nothing is
 * lost of it; a file that is not such a backup, and a server still running, are refused.
 */
class PostgresBackupTest {

    @TempDir
    Path dir;

    @Test
    void a_backup_taken_under_writes_restores_what_was_committed_before_it_ended() throws Exception {
        int port = freePort();
        Path data = dir.resolve("pg");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";
        Path zip = dir.resolve("backups/shop.zip");
        int atStart;
        int committedBefore;
        int committedAfterwards;
        try (PostgresServer pg = PostgresServer.start(data, port, false, "shop", "shop", "Pw-1", PostgresServer.DURABLE)) {
            try (Connection c = DriverManager.getConnection(url, "shop", "Pw-1"); Statement st = c.createStatement()) {
                st.execute("create table message (seq int primary key, text text not null)");
            }
            AtomicInteger committed = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "shop", "Pw-1"); Statement st = c.createStatement()) {
                    while (writing.get()) {
                        int next = committed.get() + 1;
                        st.execute("insert into message values (" + next + ", '第 " + next + " 条')");
                        committed.set(next);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            while (committed.get() < 200) {
                Thread.onSpinWait();
            }
            atStart = committed.get();
            PostgresBackup.Written written = PostgresBackup.backup(data, port, zip);
            committedBefore = committed.get();
            assertTrue(written.bytes() > 0 && Files.exists(zip));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)),
                    "the shop's data: readable by its owner only");
            assertTrue(committedBefore >= atStart);
            while (committed.get() < committedBefore + 100) {
                Thread.onSpinWait();
            }
            writing.set(false);
            writer.join();
            committedAfterwards = committed.get();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                    Files.readString(dir.resolve("pg.superuser")).strip()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from pg_replication_slots")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the backup's slot is gone (it would hold WAL forever)");
            }
            assertThrows(IOException.class, () -> PostgresBackup.restore(zip, data), "not onto a running server");
        }

        Path aside = PostgresBackup.restore(zip, data);
        assertNotNull(aside);
        assertTrue(Files.exists(aside.resolve("PG_VERSION")), "the replaced data is kept aside, not deleted");
        try (PostgresServer pg = PostgresServer.start(data, port, false, "shop", "shop", "Pw-1", PostgresServer.DURABLE);
             Connection c = DriverManager.getConnection(url, "shop", "Pw-1"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), coalesce(max(seq), 0) from message")) {
            rs.next();
            int rows = rs.getInt(1);
            assertEquals(rows, rs.getInt(2), "no gap: every row up to the last restored one is there");
            // At least all that was committed when the backup began; at most what was when its WAL was copied.
            assertTrue(rows >= atStart && rows <= committedBefore + 1,
                    "rows " + rows + ", committed at the start " + atStart + ", at the end " + committedBefore);
            assertTrue(rows < committedAfterwards, "nothing written after the backup");
            st.execute("insert into message values (" + (rows + 1) + ", '恢复后继续写')"); // and it takes writes again
        }
    }

    @Test
    void a_zip_that_is_not_a_backup_is_refused_and_the_data_left_alone() throws Exception {
        Path data = Files.createDirectories(dir.resolve("pg"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("PG_VERSION"));
            out.write("17\n".getBytes());
            out.closeEntry();
        }
        IOException refused = assertThrows(IOException.class, () -> PostgresBackup.restore(zip, data));
        assertTrue(refused.getMessage().contains("not a backup"), refused.getMessage());
        assertEquals("17\n", Files.readString(data.resolve("PG_VERSION")));
        assertTrue(Files.notExists(dir.resolve("pg.restoring")));

        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            out.putNextEntry(new ZipEntry("../outside.txt"));
            out.write(1);
            out.closeEntry();
        }
        assertThrows(IOException.class, () -> PostgresBackup.restore(evil, data));
        assertTrue(Files.notExists(dir.resolve("outside.txt")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
