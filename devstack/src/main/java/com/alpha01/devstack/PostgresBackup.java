package com.alpha01.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * Backups of the embedded PostgreSQL without stopping it (D52): PostgreSQL's own low-level base backup
 * ({@code pg_backup_start} / {@code pg_backup_stop}, non-exclusive) with the data folder copied into a zip
 * meanwhile, and the WAL written during the copy kept by a temporary replication slot and added after it —
 * what {@code pg_basebackup} does, which the Maven-fetched binaries do not ship. Restoring unpacks the zip as
 * the data folder of a stopped server (the old one kept aside); on its next start PostgreSQL replays the WAL
 * from the backup's checkpoint ({@code backup_label}) and serves the data as it was when the backup ended.
 * A production database is backed up with its own tools instead (docs/deploy.md).
 */
public final class PostgresBackup {

    private static final Logger LOG = Logger.getLogger(PostgresBackup.class);
    private static final String SLOT = "alpha01_backup";
    /** Files of a running server that a copy must not carry (PostgreSQL's documentation, "Making a Base Backup"). */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_label.old");
    /** Folders whose contents are recreated at start (pg_wal is added after the copy, from the slot's start). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    static final String MANIFEST = "alpha01-backup.properties";

    private PostgresBackup() {
    }

    /** What a backup wrote. */
    public record Written(Path file, long bytes, String startLsn, String stopLsn) {
    }

    /**
     * Backs up the server running on {@code port} with data folder {@code dataDir} into {@code zip}, signing in as
     * its superuser (the password kept beside the data). The server keeps serving throughout.
     */
    public static Written backup(Path dataDir, int port, Path zip) throws IOException {
        String password = Files.readString(dataDir.resolveSibling(dataDir.getFileName() + ".superuser")).strip();
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", password);
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        // Every message and account of the shop is in it: readable by this user only, like the data folder.
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login);
             Statement st = c.createStatement()) {
            st.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT + "'");
            // The slot holds every WAL segment from here on, so none the restore needs is recycled during the copy.
            st.execute("select pg_create_physical_replication_slot('" + SLOT + "', true, true)");
            try {
                String start = single(st, "select pg_backup_start('alpha01', true)::text");
                String label;
                String map;
                String stop;
                try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                    copyData(dataDir, zipOut);
                    try (ResultSet rs = st.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                        rs.next();
                        stop = rs.getString(1);
                        label = rs.getString(2);
                        map = rs.getString(3);
                    }
                    // The WAL from the backup's start to its end: written by now, still held by the slot.
                    st.execute("select pg_switch_wal()");
                    copyTree(dataDir, dataDir.resolve("pg_wal"), zipOut);
                    entry(zipOut, "backup_label", label);
                    if (map != null && !map.isEmpty()) {
                        entry(zipOut, "tablespace_map", map);
                    }
                    entry(zipOut, MANIFEST, "made=" + Instant.now() + "\nstart=" + start + "\nstop=" + stop
                            + "\nserver=" + single(st, "show server_version") + "\n");
                }
                Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("Backup of %s written to %s (WAL %s to %s)", dataDir, zip, start, stop);
                return new Written(zip, Files.size(zip), start, stop);
            } finally {
                st.execute("select pg_drop_replication_slot('" + SLOT + "')");
            }
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new IOException("backup failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Makes {@code dataDir} the backup in {@code zip}; the server must not be running on it. An existing folder
     * is moved aside (returned; null when there was none), never deleted.
     */
    public static Path restore(Path zip, Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            throw new IOException("PostgreSQL still runs on " + dataDir + " (postmaster.pid): stop it first");
        }
        Path unpacked = dataDir.resolveSibling(dataDir.getFileName() + ".restoring");
        Zips.deleteTree(unpacked);
        Files.createDirectories(unpacked);
        boolean manifest = false;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zipIn = new ZipInputStream(in)) {
            for (ZipEntry e = zipIn.getNextEntry(); e != null; e = zipIn.getNextEntry()) {
                Path target = unpacked.resolve(e.getName()).normalize();
                if (!target.startsWith(unpacked)) {
                    throw new IOException("the backup names a file outside the data folder: " + e.getName());
                }
                manifest |= e.getName().equals(MANIFEST);
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zipIn, target);
                }
            }
        }
        if (!manifest || !Files.exists(unpacked.resolve("backup_label")) || !Files.exists(unpacked.resolve("PG_VERSION"))) {
            Zips.deleteTree(unpacked);
            throw new IOException(zip + " is not a backup made by bin/alpha01 backup");
        }
        Files.delete(unpacked.resolve(MANIFEST));
        for (String folder : EMPTIED) {
            Files.createDirectories(unpacked.resolve(folder));
        }
        restrict(unpacked);
        Path aside = null;
        if (Files.exists(dataDir)) {
            aside = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-" + Instant.now().getEpochSecond());
            Files.move(dataDir, aside);
        }
        Files.move(unpacked, dataDir);
        LOG.infof("%s restored into %s%s", zip, dataDir, aside == null ? "" : "; the previous data is in " + aside);
        return aside;
    }

    /** Everything of the data folder but what a running server's copy must not carry, and the emptied folders' contents. */
    private static void copyData(Path dataDir, ZipOutputStream zip) throws IOException {
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(dataDir)) {
                    String relative = dataDir.relativize(dir).toString().replace('\\', '/');
                    zip.putNextEntry(new ZipEntry(relative + "/"));
                    zip.closeEntry();
                    if (EMPTIED.contains(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!(file.getParent().equals(dataDir) && SKIPPED.contains(file.getFileName().toString()))) {
                    addFile(dataDir, file, zip);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // a temporary file the server removed meanwhile
                }
                throw e;
            }
        });
    }

    private static void copyTree(Path dataDir, Path folder, ZipOutputStream zip) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                addFile(dataDir, f, zip);
            }
        }
    }

    private static void addFile(Path dataDir, Path file, ZipOutputStream zip) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            zip.putNextEntry(new ZipEntry(dataDir.relativize(file).toString().replace('\\', '/')));
            in.transferTo(zip);
            zip.closeEntry();
        } catch (NoSuchFileException gone) {
            zip.closeEntry();
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** PostgreSQL starts only on a data folder its owner alone can read. */
    private static void restrict(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
