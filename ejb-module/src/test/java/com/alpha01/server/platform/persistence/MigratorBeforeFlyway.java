package com.alpha01.server.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The hand-written migrator the server ran before Flyway (commit 7e412d2, {@code platform.SchemaMigrator}),
 * kept here only to build databases as that release left them: each file once, in list order, in one
 * transaction under its advisory lock, recorded by file name in {@code schema_version}.
 */
final class MigratorBeforeFlyway {

    /** That release's list, in the order it applied them. */
    static final List<String> MIGRATIONS = List.of("V1__baseline.sql", "V2__reply_links_and_versions.sql",
            "V3__cluster_presence_and_receipts.sql", "V4__qr_scene_and_funnel.sql",
            "V5__chains.sql", "V6__daily_stats.sql", "V7__client_capacity.sql");

    private static final long LOCK_KEY = 0x616c70686130_31L;

    private MigratorBeforeFlyway() {
    }

    /** Migrates as that release did, knowing only the first {@code known} files (an older release knew fewer). */
    static void migrate(DataSource dataSource, int known) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                s.execute("create table if not exists schema_version (version varchar(100) primary key, "
                        + "applied_at timestamptz not null default now())");
            }
            for (String name : MIGRATIONS.subList(0, known)) {
                if (!isApplied(c, name)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(read(name));
                    }
                    try (PreparedStatement ps = c.prepareStatement("insert into schema_version (version) values (?)")) {
                        ps.setString(1, name);
                        ps.executeUpdate();
                    }
                }
            }
            c.commit();
        }
    }

    private static boolean isApplied(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from schema_version where version = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = MigratorBeforeFlyway.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new IOException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
