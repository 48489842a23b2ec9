package com.alpha01.server.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * The history the hand-written migrator before Flyway kept: table {@code schema_version}, one row per
 * applied file ({@code V3__cluster_presence_and_receipts.sql}), applied in order from V1. A database
 * that has it and no Flyway history is adopted once: Flyway records V1..Vn (the files that migrator
 * applied) with their checksums without running them again ({@code skipExecutingMigrations}), so the
 * history reads as if Flyway had applied them and validates like a fresh one. The old table is left
 * as it was, no longer written (a rollback to the old release still finds it).
 */
final class LegacySchemaVersion {

    static final String TABLE = "schema_version";
    static final String FLYWAY_TABLE = "flyway_schema_history";

    private static final Logger LOG = Logger.getLogger(LegacySchemaVersion.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__.+\\.sql");

    private final DataSource dataSource;

    LegacySchemaVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adopts the old history into Flyway's when there is one to adopt; does nothing otherwise. */
    void adoptInto(Supplier<FluentConfiguration> flyway) throws SQLException {
        List<String> applied;
        try (Connection c = dataSource.getConnection()) {
            if (!tableExists(c, TABLE) || tableExists(c, FLYWAY_TABLE)) {
                return;
            }
            applied = appliedFiles(c);
        }
        int newest = newestOfContiguousRun(applied);
        if (newest == 0) {
            return;
        }
        flyway.get()
                .target(Integer.toString(newest))
                .skipExecutingMigrations(true)
                .load()
                .migrate();
        LOG.infof("Adopted %s: Flyway now records V1..V%d as applied (not run again)", TABLE, newest);
    }

    /** The newest version the old migrator applied; fails when its history has a gap or a foreign name. */
    static int newestOfContiguousRun(List<String> appliedFiles) {
        List<Integer> versions = new ArrayList<>();
        for (String name : appliedFiles) {
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(TABLE + " names an unknown migration: " + name);
            }
            versions.add(Integer.parseInt(m.group(1)));
        }
        versions.sort(null);
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i) != i + 1) {
                throw new IllegalStateException(TABLE + " is not V1..Vn in order (found " + versions
                        + "); adopt it by hand");
            }
        }
        return versions.size();
    }

    private static List<String> appliedFiles(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from " + TABLE)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
