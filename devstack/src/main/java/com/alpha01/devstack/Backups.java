package com.alpha01.devstack;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code bin/alpha01 backup [file]} and {@code bin/alpha01 restore <file>}: the dev stack's database
 * ({@link PostgresBackup}). A backup is taken from the running stack without stopping it (default file
 * {@code .alpha01/backups/alpha01-<date>-<time>.zip}); a restore needs the stack stopped and keeps the data
 * it replaces beside it.
 */
public final class Backups {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Backups.class);

    private Backups() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("backup") || args[0].equals("restore"))
                || args[0].equals("restore") && args.length < 3) {
            LOG.error("usage: Backups backup <checkout> [file] | restore <checkout> <file>");
            System.exit(2);
        }
        DevStackConfig config = DevStackConfig.fromEnvironment(Path.of(args[1]));
        Path data = config.stateDir().resolve("postgres");
        try {
            if (args[0].equals("backup")) {
                Path file = args.length > 2 && !args[2].isBlank() ? Path.of(args[2]).toAbsolutePath()
                        : config.stateDir().resolve("backups").resolve("alpha01-"
                                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
                PostgresBackup.Written w = PostgresBackup.backup(data, config.pgPort(), file);
                LOG.infof("Backup written: %s (%.1f MB). Restore with: bin/alpha01 down && bin/alpha01 restore %s",
                        w.file(), w.bytes() / 1e6, w.file());
            } else {
                Path aside = PostgresBackup.restore(Path.of(args[2]).toAbsolutePath(), data);
                LOG.info("Restored. " + (aside == null ? "" : "The data it replaced is kept in " + aside + ". ")
                        + "Start with: bin/alpha01 up");
            }
        } catch (java.io.IOException e) {
            LOG.errorf("%s failed: %s", args[0], e.getMessage());
            System.exit(1);
        }
    }
}
