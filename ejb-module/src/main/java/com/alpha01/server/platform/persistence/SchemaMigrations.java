package com.alpha01.server.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Applies the versioned SQL files under {@code db/migration/} with Flyway, which records each in
 * {@code flyway_schema_history} with its checksum and refuses to start on an edited one. A database
 * that the hand-written migrator before Flyway kept (table {@code schema_version}) is adopted first
 * by {@link LegacySchemaVersion}. A PostgreSQL advisory lock (the one that migrator took) keeps two
 * cluster nodes, old or new, from migrating at the same time.
 */
public final class SchemaMigrations {

    /** Where the migrations live, on the class path of this module. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    /** The advisory lock key of the migrator before Flyway, so that old and new nodes exclude each other. */
    private static final long LOCK_KEY = 0x616c70686130_31L;

    private final DataSource dataSource;

    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates to the newest version; returns how many migrations ran now (adopted ones not counted). */
    public int migrate() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            try (Statement s = lock.createStatement()) {
                s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                new LegacySchemaVersion(dataSource).adoptInto(this::configure);
                MigrateResult result = configure().load().migrate();
                LOG.infof("Schema up to date at version %s (%d migrations applied now)",
                        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                        result.migrationsExecuted);
                return result.migrationsExecuted;
            } finally {
                try (Statement s = lock.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    /** Flyway as this application uses it: our files, PostgreSQL, {@code clean} never allowed. */
    org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .cleanDisabled(true)
                .validateMigrationNaming(true);
    }
}
