package com.alpha01.server.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Applies the versioned SQL migrations under {@code db/migration/} at deployment, once each, in
 * order, recording them in {@code schema_version}. A PostgreSQL advisory lock keeps two cluster
 * nodes from migrating at the same time. Why not Flyway: see {@code docs/decisions.md}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    /** Migrations in the order they apply. Add new files at the end; never edit an applied one. */
    static final List<String> MIGRATIONS = List.of("V1__baseline.sql", "V2__reply_links_and_versions.sql",
            "V3__cluster_presence_and_receipts.sql", "V4__qr_scene_and_funnel.sql",
            "V5__chains.sql", "V6__daily_stats.sql", "V7__client_capacity.sql");

    private static final long LOCK_KEY = 0x616c70686130_31L;

    @Resource(lookup = Resources.DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                s.execute("create table if not exists schema_version (version varchar(100) primary key, "
                        + "applied_at timestamptz not null default now())");
            }
            int applied = 0;
            for (String name : MIGRATIONS) {
                if (!isApplied(c, name)) {
                    apply(c, name);
                    applied++;
                }
            }
            c.commit();
            LOG.infof("Schema up to date (%d migrations known, %d applied now)", MIGRATIONS.size(), applied);
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
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

    private static void apply(Connection c, String name) throws SQLException {
        LOG.infof("Applying migration %s", name);
        try (Statement s = c.createStatement()) {
            s.execute(read(name));
        }
        try (PreparedStatement ps = c.prepareStatement("insert into schema_version (version) values (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Migration missing from the deployment: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
